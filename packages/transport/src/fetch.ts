import { abortErrorOf } from "./abort.js";
import { NetworkError } from "./errors.js";
import { withoutQuery } from "./redact.js";
import type { Transport } from "./types.js";

/** What `fetch` rejects with, as far as the message needs it. */
type Failure = { message?: string; cause?: { message?: string; code?: string } } | null;

/** A WHATWG `fetch`: the global one, undici's, a Workers binding, a test double. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchTransportOptions {
  /** The `fetch` to call. Default: the global `fetch`, looked up on every request. */
  readonly fetch?: FetchLike;
  /**
   * Extra `RequestInit` fields for every request (`credentials`, `mode`, `cache`, `keepalive`,
   * `dispatcher` for Node's fetch, ...). Method, headers, body and signal always come from the request.
   */
  readonly init?: RequestInit;
}

/**
 * The default transport: one call to `fetch` per request. Works in browsers, edge runtimes, Deno,
 * Bun and Node 20+, with no dependencies. Rejects with `NetworkError` when no response arrived and
 * with `AbortError` when the request's signal aborted; resolves every HTTP status.
 *
 * It does not redact: `auth()` is where the key enters, and it removes the key from every error
 * that passes back through it. Set `authorization` through `auth()`, not by hand.
 *
 * @example
 * ```ts
 * import { fetchTransport } from "@lbx/transport";
 * const transport = fetchTransport();
 * const response = await transport({ url: "https://api.labelbox.com/graphql", method: "POST",
 *   headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ user { id } }" }) });
 * ```
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  return async ({ url, method, headers, body, signal }) => {
    try {
      // `(a ?? b)(...)` calls fetch with no `this`: browsers and Cloudflare throw "Illegal
      // invocation" for a fetch bound to anything else (say, the options object). The global is
      // looked up per request, so a polyfill installed later counts; every runtime lbx supports
      // has one (Node >= 20, browsers, Deno, Bun, Workers). `duplex: "half"` is required for
      // stream bodies and ignored for the rest. An aborted signal makes fetch reject at once,
      // before sending anything.
      return await (options.fetch ?? fetch)(url, {
        ...options.init,
        method,
        headers,
        // TS 5.9 types Uint8Array over ArrayBufferLike while BodyInit wants ArrayBuffer-backed views.
        body: body as BodyInit | null | undefined,
        signal,
        duplex: "half",
      } as RequestInit);
    } catch (error) {
      if (signal?.aborted) throw abortErrorOf(signal);
      // Node's fetch says only "fetch failed" and puts the reason in `cause`: a message ("connect
      // ECONNREFUSED 127.0.0.1:4000", "getaddrinfo ENOTFOUND host", "self-signed certificate",
      // "bad port"), or only a code for an AggregateError (every address of the host refused).
      // Browsers give no cause. Neither quotes request headers, and `auth()` redacts the key from
      // the message anyway. Inline, with no variable: this counts against the 2 KB browser budget,
      // and a variable costs esbuild's ternary (~10 B gzipped).
      throw new NetworkError(
        `${method} ${withoutQuery(url)} failed: ${(error as Failure)?.cause?.message || (error as Failure)?.cause?.code || (error as Failure)?.message || error}`,
        { cause: error },
      );
    }
  };
}
