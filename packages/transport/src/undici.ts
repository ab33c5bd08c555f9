/**
 * `@lbx/transport/undici`: a Node transport on undici's own `fetch` with a dispatcher you control:
 * keep-alive connection pools, connection limits, HTTP tuning and proxies. `undici` 7 is an
 * optional peer dependency; only this entry imports it.
 */
import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent, FormData as UndiciFormData, fetch as undiciFetch } from "undici";
import { type FetchLike, fetchTransport } from "./fetch.js";
import { largeBodyFetch } from "./large-bodies.js";
import type { Transport } from "./types.js";

export interface UndiciTransportOptions {
  /**
   * A dispatcher you own (`Agent`, `Pool`, `ProxyAgent`, `RetryAgent`, a `MockAgent` in tests).
   * `close()` leaves it open. Default: one this transport creates from `proxy` and `agent`.
   */
  readonly dispatcher?: Dispatcher;
  /**
   * Route through a proxy: its URL (`http://proxy.corp:3128`), or `"env"` to follow
   * `HTTP_PROXY` / `HTTPS_PROXY` / `NO_PROXY` as curl does. Ignored when `dispatcher` is given.
   */
  readonly proxy?: string;
  /** Options of the created `Agent` / `ProxyAgent`: `connections`, `keepAliveTimeout`, `connect`, ... */
  readonly agent?: Agent.Options;
}

/** A transport that owns a connection pool: call `close()` when done so the process can exit. */
export interface UndiciTransport extends Transport {
  /** The dispatcher every request goes through. */
  readonly dispatcher: Dispatcher;
  /** Closes the dispatcher if this transport created it; a dispatcher you passed in stays open. */
  close(): Promise<void>;
}

/**
 * Node's global `FormData` belongs to the undici copy bundled inside Node, a different class from
 * undici 7's, and undici 7's `fetch` would send it as the text "[object FormData]" (the
 * conformance suite caught this). Its entries are copied into undici's own `FormData`; files are
 * `Blob`s, which both accept, so nothing is read into memory and `content-length` is still sent.
 */
function asUndiciFormData(body: unknown): unknown {
  if (typeof FormData === "undefined" || !(body instanceof FormData) || body instanceof UndiciFormData) return body;
  const copy = new UndiciFormData();
  for (const [name, value] of body) {
    if (typeof value === "string") copy.append(name, value);
    else copy.append(name, value, value.name);
  }
  return copy;
}

function createDispatcher(options: UndiciTransportOptions): Dispatcher {
  if (options.proxy === "env") return new EnvHttpProxyAgent(options.agent);
  if (options.proxy !== undefined) return new ProxyAgent({ ...options.agent, uri: options.proxy });
  return new Agent(options.agent);
}

/**
 * A transport on undici's `fetch` with an explicit dispatcher. It calls undici's **own** `fetch`
 * (not Node's global one) so the dispatcher and `fetch` always come from the same undici version,
 * which is the mismatch that breaks `dispatcher` options elsewhere. Errors are mapped exactly as
 * by `fetchTransport`: `NetworkError` when no response arrived, `AbortError` on abort.
 *
 * Responses are undici `Response` objects: WHATWG-compatible, but not `instanceof` Node's global
 * `Response`.
 *
 * @example
 * ```ts
 * import { undiciTransport } from "@lbx/transport/undici";
 * const transport = undiciTransport({ proxy: "http://proxy.corp:3128", agent: { connections: 16 } });
 * try { await createClient({ transport }).datasets() } finally { await transport.close() }
 * ```
 */
export function undiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const owned = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? createDispatcher(options);
  // The DOM's RequestInit and undici's differ only in types; the values are the same WHATWG shapes.
  const viaDispatcher = ((url: string, init: RequestInit) =>
    undiciFetch(url, { ...(init as object), body: asUndiciFormData(init.body), dispatcher } as Parameters<typeof undiciFetch>[1])) as unknown as FetchLike;
  // Large byte bodies without undici's redirect copy (large-bodies.ts).
  const send = fetchTransport({ fetch: largeBodyFetch(viaDispatcher) });
  return Object.assign((request: Parameters<Transport>[0]) => send(request), {
    dispatcher,
    close: () => (owned ? dispatcher.close() : Promise.resolve()),
  });
}
