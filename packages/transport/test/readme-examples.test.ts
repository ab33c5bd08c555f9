// The custom-transport examples of the README, run for real: the signing middleware (kept
// identical to the README) passes the conformance suite and its signatures verify at the server,
// and the corporate-proxy example with an explicit ProxyAgent goes through a CONNECT proxy.
import { createHmac } from "node:crypto";
import { ProxyAgent } from "undici";
import { describe, expect, it } from "vitest";
import { fetchTransport } from "../src/fetch.js";
import { conformanceChecks } from "../src/testing/conformance.js";
import { type EchoReply, startConformanceServer } from "../src/testing/server.js";
import type { Middleware } from "../src/types.js";
import { undiciTransport } from "../src/undici.js";
import { startConnectProxy } from "./helpers/connect-proxy.js";

// --- README: "Signing requests" ---
export function signRequests(secret: string): Middleware {
  const key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return (next) => async (request) => {
    const timestamp = String(Date.now());
    const body = typeof request.body === "string" ? request.body : "";
    const payload = new TextEncoder().encode([request.method, request.url, timestamp, body].join("\n"));
    const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await key, payload));
    const hex = Array.from(signature, (byte) => byte.toString(16).padStart(2, "0")).join("");
    return next({ ...request, headers: { ...request.headers, "x-timestamp": timestamp, "x-signature": hex } });
  };
}
// --- end of README example ---

describe("README: a signing transport", () => {
  for (const check of conformanceChecks({ createTransport: () => signRequests("gateway-secret")(fetchTransport()) })) it(check.name, check.run);

  it("signatures verify at the server", async () => {
    const server = await startConformanceServer();
    try {
      const url = `${server.url}/echo`;
      const body = '{"query":"{ user { id } }"}';
      const reply = (await (await signRequests("gateway-secret")(fetchTransport())({ url, method: "POST", headers: {}, body })).json()) as EchoReply;
      const timestamp = String(reply.headers["x-timestamp"]);
      const expected = createHmac("sha256", "gateway-secret").update(["POST", url, timestamp, body].join("\n")).digest("hex");
      expect(reply.headers["x-signature"]).toBe(expected);
    } finally {
      await server.close();
    }
  });
});

describe("README: through a corporate proxy with your own ProxyAgent", () => {
  it("tunnels through CONNECT and leaves the dispatcher it was given open", async () => {
    const target = await startConformanceServer();
    const proxy = await startConnectProxy();
    const agent = new ProxyAgent({ uri: proxy.url });
    const transport = undiciTransport({ dispatcher: agent });
    try {
      const response = await transport({ url: `${target.url}/echo`, method: "GET", headers: {} });
      expect(((await response.json()) as EchoReply).method).toBe("GET");
      expect(proxy.connects).toEqual([new URL(target.url).host]);
      await transport.close(); // not ours to close: the agent still works
      expect((await transport({ url: `${target.url}/status/204`, method: "GET", headers: {} })).status).toBe(204);
    } finally {
      await agent.close();
      await proxy.close();
      await target.close();
    }
  });
});
