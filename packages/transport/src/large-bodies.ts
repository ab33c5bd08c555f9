import type { FetchLike } from "./fetch.js";

/** Byte bodies from this size on are sent with {@link LARGE_BODY_INIT} by {@link largeBodyFetch}. */
export const LARGE_BODY_BYTES = 64 * 1024;

/** Redirects are errors, and the request has no window (`null`, the one value a caller may give). */
export const LARGE_BODY_INIT = { redirect: "error", window: null } as const satisfies RequestInit;

/** Node itself (Bun and Deno set `process.versions.node` too; their `fetch` is not undici). */
function inNode(): boolean {
  // Read off `globalThis`: a bare `process` would throw in browsers.
  const versions = (globalThis as { process?: { versions?: { node?: unknown; bun?: unknown } } }).process?.versions;
  return typeof versions?.node === "string" && versions.bun === undefined && (globalThis as { Deno?: unknown }).Deno === undefined;
}

/**
 * A `fetch` for undici's `fetch` (Node's global one, undici 7's) that sends each request whose
 * body is a `Uint8Array` of {@link LARGE_BODY_BYTES} or more with {@link LARGE_BODY_INIT}.
 *
 * Why: undici's `fetch` keeps a clone of each request for sending it again after a redirect, and
 * cloning a byte body copies it (a stream `tee`), on top of the copy it makes when it takes the
 * body. The Fetch standard skips that clone for a window-less request whose redirects are errors.
 * For the 1 MB chunk files of a bulk import the second copy was ~6% of the importing process's
 * CPU: a 100,000-row import's SDK CPU fell from 2.51 s to 2.32 without it (means of 6 interleaved
 * runs, 2 cores).
 *
 * The price: such a request fails with `NetworkError` on a 3xx instead of following it. Labelbox
 * answers uploads and API calls itself, and Node 20's global `fetch` cannot replay a byte body
 * for a 307/308 anyway. A `redirect` the caller set (`fetchTransport({ init })`) still wins.
 * In Node only: anywhere else it passes every request through as it is (Cloudflare Workers reject
 * `redirect: "error"`, and other runtimes gain nothing). `createClient`'s default transport,
 * `createDefaultTransport()` without a `fetch` of yours, and `undiciTransport()` use it.
 *
 * @param inner the `fetch` to call. Default: the global `fetch`, looked up on every request.
 * @param node whether this is Node (for tests; detected by default).
 * @example
 * ```ts
 * const transport = compose(retry(), timeout({ ms: 60_000 }))(fetchTransport({ fetch: largeBodyFetch() }));
 * ```
 */
export function largeBodyFetch(inner?: FetchLike, node = inNode()): FetchLike {
  // `(a ?? b)(...)`: called with no `this` (see fetchTransport).
  return (url, init) => (inner ?? fetch)(url, node && isLarge(init.body) ? { ...LARGE_BODY_INIT, ...init } : init);
}

function isLarge(body: unknown): boolean {
  return body instanceof Uint8Array && body.byteLength >= LARGE_BODY_BYTES;
}
