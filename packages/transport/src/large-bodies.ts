import type { Middleware } from "./types.js";

/** Byte bodies from this size on are streamed by `streamLargeBodies`. */
export const LARGE_BODY_BYTES = 64 * 1024;

export interface StreamLargeBodiesOptions {
  /**
   * Stream whatever runtime this is. Default false: only in Node while the global `fetch` is
   * still Node's own (a stub or polyfill installed later is left alone), for a transport that
   * calls the global `fetch`, as `fetchTransport()` does.
   */
  readonly always?: boolean;
}

/** Node itself (Bun and Deno set `process.versions.node` too; their `fetch` is not undici). */
function isNode(): boolean {
  // Read off `globalThis`: a bare `process` would throw in browsers.
  const versions = (globalThis as { process?: { versions?: { node?: unknown; bun?: unknown } } }).process?.versions;
  return typeof versions?.node === "string" && versions.bun === undefined && (globalThis as { Deno?: unknown }).Deno === undefined;
}

/** Node's own global `fetch`, as it was when this module loaded; undefined in other runtimes. */
const nodeFetch: unknown = isNode() && typeof fetch === "function" ? fetch : undefined;

/**
 * Sends a `Uint8Array` body of `LARGE_BODY_BYTES` or more as a one-chunk stream with its
 * `content-length`, for transports on undici's `fetch` (Node's global one, and undici 7's).
 *
 * Why: undici's `fetch` copies a byte body twice before sending it, once when it takes the body
 * and once into the copy of the request it keeps for following a redirect. For the 1 MB chunk
 * files of a bulk import that was ~3 ms of CPU per upload, 8-10% of the importing process's CPU
 * (measured on 2 cores). A stream is sent as it is: the same bytes with the same
 * `content-length` (no chunked encoding). The one difference: `fetch` cannot replay a stream, so
 * such a request does not follow a 307/308 redirect (a `NetworkError`); Node 20's global `fetch`
 * cannot replay a byte body either, and Labelbox does not redirect API calls. The body is read
 * while the request is sent, so it must not change until the call has settled.
 *
 * Place it innermost, next to the transport: each attempt then gets a fresh stream, and `retry`
 * outside it still sees (and may repeat) the bytes. `createClient`'s default transport, Node's
 * `createDefaultTransport()` and `undiciTransport()` include it.
 *
 * @example
 * ```ts
 * const transport = compose(retry(), streamLargeBodies())(fetchTransport());
 * ```
 */
export function streamLargeBodies(options: StreamLargeBodiesOptions = {}): Middleware {
  return (next) => (request) => {
    const body = request.body;
    if (!(body instanceof Uint8Array) || body.byteLength < LARGE_BODY_BYTES) return next(request);
    if (!options.always && (nodeFetch === undefined || globalThis.fetch !== nodeFetch)) return next(request);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
    return next({ ...request, body: stream, headers: { ...request.headers, "content-length": String(body.byteLength) } });
  };
}
