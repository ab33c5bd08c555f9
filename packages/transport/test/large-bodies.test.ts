// Which requests largeBodyFetch sends with LARGE_BODY_INIT (redirects as errors, no window), seen
// from a recording fetch, and which stacks use it. Real-server behaviour: real-server.test.ts.
import { describe, expect, it } from "vitest";
import { createDefaultTransport } from "../src/default-transport.js";
import { type FetchLike, fetchTransport } from "../src/fetch.js";
import { LARGE_BODY_BYTES, largeBodyFetch } from "../src/large-bodies.js";
import type { TransportRequest } from "../src/types.js";

function recorder() {
  const inits: RequestInit[] = [];
  const fetch: FetchLike = async (_url, init) => (inits.push(init), new Response("{}"));
  return { inits, fetch };
}

const request = (body: TransportRequest["body"]): TransportRequest => ({ url: "http://127.0.0.1:9/upload", method: "POST", headers: {}, body });

describe("largeBodyFetch", () => {
  it("adds redirect 'error' and window null from LARGE_BODY_BYTES on, views included, in Node", async () => {
    const { inits, fetch } = recorder();
    const transport = fetchTransport({ fetch: largeBodyFetch(fetch) });
    await transport(request(new Uint8Array(LARGE_BODY_BYTES)));
    await transport(request(new Uint8Array(LARGE_BODY_BYTES * 4).subarray(5, 5 + LARGE_BODY_BYTES)));
    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(init).toMatchObject({ redirect: "error", window: null, method: "POST" });
      expect("window" in init).toBe(true);
    }
  });

  it("leaves smaller byte bodies, strings, forms and empty bodies alone", async () => {
    const { inits, fetch } = recorder();
    const transport = fetchTransport({ fetch: largeBodyFetch(fetch) });
    await transport(request(new Uint8Array(LARGE_BODY_BYTES - 1)));
    await transport(request("x".repeat(LARGE_BODY_BYTES * 2)));
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(LARGE_BODY_BYTES * 2)]));
    await transport(request(form));
    await transport(request(null));
    expect(inits).toHaveLength(4);
    for (const init of inits) {
      expect(init.redirect).toBeUndefined();
      expect("window" in init).toBe(false);
    }
  });

  it("a redirect mode of the caller's own init wins", async () => {
    const { inits, fetch } = recorder();
    await fetchTransport({ fetch: largeBodyFetch(fetch), init: { redirect: "follow" } })(request(new Uint8Array(LARGE_BODY_BYTES)));
    expect(inits[0]!.redirect).toBe("follow");
  });

  it("outside Node it passes requests through untouched (Cloudflare Workers reject redirect 'error')", async () => {
    const { inits, fetch } = recorder();
    await fetchTransport({ fetch: largeBodyFetch(fetch, false) })(request(new Uint8Array(LARGE_BODY_BYTES)));
    expect(inits[0]!.redirect).toBeUndefined();
    expect("window" in inits[0]!).toBe(false);
  });

  it("calls the global fetch of the moment when given none", async () => {
    const { inits, fetch } = recorder();
    const original = globalThis.fetch;
    globalThis.fetch = fetch as typeof globalThis.fetch;
    try {
      await largeBodyFetch()("http://127.0.0.1:9/x", { method: "POST", body: new Uint8Array(LARGE_BODY_BYTES) as BodyInit });
    } finally {
      globalThis.fetch = original;
    }
    expect(inits[0]).toMatchObject({ redirect: "error", window: null });
  });

  it("createDefaultTransport uses it on the global fetch, never around a fetch or transport of yours", async () => {
    const { inits, fetch } = recorder();
    const original = globalThis.fetch;
    globalThis.fetch = fetch as typeof globalThis.fetch;
    try {
      await createDefaultTransport({ retry: false })(request(new Uint8Array(LARGE_BODY_BYTES)));
      const own = recorder();
      await createDefaultTransport({ retry: false, fetch: own.fetch })(request(new Uint8Array(LARGE_BODY_BYTES)));
      expect(own.inits[0]!.redirect).toBeUndefined();
    } finally {
      globalThis.fetch = original;
    }
    expect(inits[0]).toMatchObject({ redirect: "error", window: null });
  });
});
