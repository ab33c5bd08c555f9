import { type Clock, compose, fetchTransport, largeBodyFetch, retry, timeout, type Transport, userAgent } from "@lbx/transport";

/**
 * The transport `createClient` uses when given none: `fetch` with the middleware every call needs
 * and nothing it does not (rate limiting and event logging are opt-in; compose them yourself from
 * `@lbx/transport` and pass `transport`). Outermost first: user agent (Node only; no custom header
 * in browsers, so no CORS preflight the server must allow), retry (safe requests only, honouring
 * Retry-After), per-attempt timeout (60 s; 10 min for uploads). The client adds `auth` outside it.
 * In Node, large byte bodies (chunk files) go through `largeBodyFetch`, sparing undici a copy.
 */
export function defaultTransport(clock?: Clock): Transport {
  return compose(userAgent({ sdkHeader: false }), retry({ clock }), timeoutByKind(clock))(fetchTransport({ fetch: largeBodyFetch() }));
}

// Large uploads legitimately take longer than a query; the Python SDK has no upload timeout at all.
// `timeout()` stops timing when headers arrive, because exports stream their bodies for longer
// than any attempt. A GraphQL reply is small JSON, so it is read inside the attempt: a body that
// stalls after the headers then fails with the same `TimeoutError` (fetch cancels it when the
// attempt's signal aborts) and is retried like a header timeout when the request is idempotent.
function timeoutByKind(clock: Clock | undefined) {
  const query = timeout({ ms: 60_000, clock });
  const upload = timeout({ ms: 600_000, clock });
  return (next: Transport): Transport => {
    const buffered: Transport = async (request) => {
      const response = await next(request);
      // A clone tees the body: reading it to the end leaves the whole body queued in `response`.
      if (request.operation?.kind !== "download") await response.clone().arrayBuffer();
      return response;
    };
    const q = query(buffered);
    const u = upload(buffered);
    return (request) => (request.operation?.kind === "upload" ? u : q)(request);
  };
}
