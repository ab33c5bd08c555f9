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
function timeoutByKind(clock: Clock | undefined) {
  const query = timeout({ ms: 60_000, clock });
  const upload = timeout({ ms: 600_000, clock });
  return (next: Transport): Transport => {
    const q = query(next);
    const u = upload(next);
    return (request) => (request.operation?.kind === "upload" ? u : q)(request);
  };
}
