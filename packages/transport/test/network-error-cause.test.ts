// A request that gets no response says why: Node's fetch rejects with a bare "fetch failed" and
// keeps the reason (ECONNREFUSED, ENOTFOUND, a certificate error) in `cause`; the NetworkError's
// message carries it, `cause` keeps the whole chain, and the API key never shows. Real sockets:
// a closed local port, a local TLS server with a self-signed certificate, a name that cannot resolve.
import { createServer as createHttpsServer, type Server } from "node:https";
import { createServer as createNetServer } from "node:net";
import type { LookupFunction } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compose } from "../src/compose.js";
import { NetworkError } from "../src/errors.js";
import { fetchTransport } from "../src/fetch.js";
import { auth } from "../src/headers.js";
import { REDACTED } from "../src/redact.js";
import type { Transport, TransportRequest } from "../src/types.js";
import { undiciTransport, type UndiciTransport } from "../src/undici.js";

const KEY = "eyJhbGciOiJIUzI1NiJ9.lbx-cause-test-key.c2lnbmF0dXJl";

// A throwaway self-signed certificate for 127.0.0.1 (EC P-256, valid until 2126), test use only.
const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgqzgVVhLux6QMHWz1
Goz9eZTGyke2t3YaiTiA1rfQZtShRANCAAS+UqBn2uU2HTMUIplVg7ytYY0gkmA8
g+yC5Is2jq7PdIbe3nQjT7gji3oCd8q+Oft2ouOUDffAvgIdtsRg9k8n
-----END PRIVATE KEY-----`;
const TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUVOKoLseqttNHHJ4WCmrgjyGahq4wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTExMTU1MloYDzIxMjYxMTA1
MTExNTUyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAS+UqBn2uU2HTMUIplVg7ytYY0gkmA8g+yC5Is2jq7PdIbe3nQjT7gj
i3oCd8q+Oft2ouOUDffAvgIdtsRg9k8no28wbTAdBgNVHQ4EFgQUot1ZMe8yQYeb
3sAeF1CBzgwqCxQwHwYDVR0jBBgwFoAUot1ZMe8yQYeb3sAeF1CBzgwqCxQwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSAAwRQIhAMxSyKCKDwT+TzWcENUP8PzpO5z4+FCcBmgTRne8mQ4eAiBd
L8jVUVKBCMUsGygnBK4fIJ5AnCQl79/fuRqVIHN4OA==
-----END CERTIFICATE-----`;

let closedPort: number;
let tls: Server;
let tlsUrl: string;
const undici: UndiciTransport[] = [];

beforeAll(async () => {
  // A port that was free a moment ago and has no listener now: connecting is refused.
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  tls = createHttpsServer({ key: TLS_KEY, cert: TLS_CERT }, (_req, res) => res.end("{}"));
  await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
  tlsUrl = `https://127.0.0.1:${(tls.address() as { port: number }).port}`;
});
afterAll(async () => {
  await Promise.all(undici.map((t) => t.close()));
  await new Promise((resolve) => tls?.close(resolve));
});

const post = (url: string): TransportRequest => ({
  url,
  method: "POST",
  headers: { "content-type": "application/json" },
  body: "{}",
  operation: { name: "GetUserPyApi", kind: "query", idempotent: true },
});

async function failure(transport: Transport, request: TransportRequest): Promise<NetworkError> {
  const error = await transport(request).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkError);
  return error as NetworkError;
}

/** The `cause` chain below `error`, including the members of an AggregateError. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = (error as { cause?: unknown }).cause; e; e = (e as { cause?: unknown }).cause) {
    out.push(e, ...((e as { errors?: unknown[] }).errors ?? []));
  }
  return out;
}

const transports: [string, () => Transport][] = [
  ["fetchTransport (Node's fetch)", () => fetchTransport()],
  [
    "undiciTransport (undici 7)",
    () => {
      const t = undiciTransport();
      undici.push(t);
      return t;
    },
  ],
];

describe.each(transports)("NetworkError messages over %s", (_, makeTransport) => {
  it("a refused connection names ECONNREFUSED and the address; cause keeps fetch's error and its cause", async () => {
    const url = `http://127.0.0.1:${closedPort}/graphql`;
    const error = await failure(makeTransport(), post(url));
    expect(error.message).toBe(`POST ${url} failed: connect ECONNREFUSED 127.0.0.1:${closedPort}`);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNREFUSED" } });
  });

  it("a certificate the client does not trust says so (and the signed URL's query stays out)", async () => {
    const error = await failure(makeTransport(), post(`${tlsUrl}/graphql?X-Goog-Signature=secret-signature`));
    const reason = (error.cause as { cause: { message: string; code: string } }).cause;
    expect(reason.code).toMatch(/CERT/);
    expect(error.message).toBe(`POST ${tlsUrl}/graphql failed: ${reason.message}`);
    expect(error.message).toMatch(/certificate/);
  });

  it("a host name that does not resolve names the lookup that failed", async () => {
    // .invalid never resolves (RFC 6761); without a DNS server the error is EAI_AGAIN instead.
    const error = await failure(makeTransport(), post("http://lbx-no-such-host.invalid/graphql"));
    expect(error.message).toMatch(/^POST http:\/\/lbx-no-such-host\.invalid\/graphql failed: getaddrinfo (ENOTFOUND|EAI_AGAIN) lbx-no-such-host\.invalid$/);
  });
});

describe("NetworkError messages, special cases", () => {
  it("the reviewer's `--endpoint http://127.0.0.1:1/graphql`: fetch refuses port 1 itself, and says so", async () => {
    const error = await failure(fetchTransport(), post("http://127.0.0.1:1/graphql"));
    expect(error.message).toBe("POST http://127.0.0.1:1/graphql failed: bad port");
  });

  it("every address of a host refused (an AggregateError with no message): its code", async () => {
    // A name with two addresses, both refusing; Node tries each and reports an AggregateError.
    const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      options.all
        ? callback(null, [
            { address: "127.0.0.1", family: 4 },
            { address: "::1", family: 6 },
          ])
        : callback(null, "127.0.0.1", 4)) as unknown as LookupFunction;
    const dispatcher = new Agent({ connect: { lookup, autoSelectFamily: true } });
    try {
      const url = `http://two-addresses.test:${closedPort}/graphql`;
      const error = await failure(undiciTransport({ dispatcher }), post(url));
      expect(error.message).toBe(`POST ${url} failed: ECONNREFUSED`);
      expect(chain(error).filter((e) => e instanceof AggregateError)).toHaveLength(1);
    } finally {
      await dispatcher.close();
    }
  });

  it("with auth(), the key appears nowhere: not in the message, not along the cause chain", async () => {
    const url = `http://127.0.0.1:${closedPort}/graphql`;
    const error = await failure(compose(auth({ apiKey: KEY }))(fetchTransport()), post(url));
    expect(error.message).toBe(`POST ${url} failed: connect ECONNREFUSED 127.0.0.1:${closedPort}`);
    const dump = JSON.stringify([error, ...chain(error)], ["message", "stack", "code", "errors"]) + String(error.stack);
    expect(dump).not.toContain(KEY);
  });

  it("a cause that quoted the authorization header would reach the message redacted, never as is", async () => {
    // A fetch (say, a polyfill) whose error cause quotes the header it was given.
    const quoting: Transport = fetchTransport({
      fetch: async (_url, init) => {
        const header = (init.headers as Record<string, string>).authorization;
        throw new TypeError("fetch failed", { cause: new Error(`invalid header value: authorization: ${header}`) });
      },
    });
    const error = await failure(compose(auth({ apiKey: KEY }))(quoting), post("https://api.labelbox.com/graphql"));
    expect(error.message).toBe(`POST https://api.labelbox.com/graphql failed: invalid header value: authorization: ${REDACTED}`);
    expect(JSON.stringify([error, ...chain(error)], ["message", "stack"])).not.toContain(KEY);
  });
});
