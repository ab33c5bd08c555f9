// Our transports against the exported conformance suite, on a real node:http server (127.0.0.1,
// a free port; each check starts and closes its own). A deliberately broken transport must fail
// it, or the suite would prove nothing.
import { describe, expect, it } from "vitest";
import { createDefaultTransport } from "../src/default-transport.js";
import { fetchTransport } from "../src/fetch.js";
import { type ConformanceResult, conformanceChecks, runConformance } from "../src/testing/conformance.js";
import type { Transport } from "../src/types.js";
import { undiciTransport } from "../src/undici.js";

describe("fetchTransport (Node's global fetch) passes the conformance suite", () => {
  for (const check of conformanceChecks({ createTransport: () => fetchTransport() })) it(check.name, check.run);
});

describe("undiciTransport (undici 7 fetch + Agent) passes the conformance suite", () => {
  for (const check of conformanceChecks({ createTransport: () => undiciTransport({ agent: { connections: 4 } }) })) it(check.name, check.run);
});

describe("the full createDefaultTransport stack over fetch still keeps the transport contract", () => {
  // Short waits so the retried 429/503 checks stay fast; the contract is the same.
  const createTransport = () => createDefaultTransport({ apiKey: "conformance-key-0123", retry: { baseDelayMs: 1, maxRetryAfterMs: 0 } });
  for (const check of conformanceChecks({ createTransport })) it(check.name, check.run);
});

describe("the suite fails transports that break the contract", () => {
  const failures = (results: ConformanceResult[]) => results.filter((r) => !r.ok).map((r) => r.name);

  it("a transport that ignores the abort signal fails the abort checks", async () => {
    const deaf = fetchTransport();
    const ignoresAbort: Transport = (r) => deaf({ ...r, signal: undefined });
    const results = await runConformance({ createTransport: () => ignoresAbort, abortToleranceMs: 300, slowResponseMs: 1500 });
    expect(failures(results)).toEqual(
      expect.arrayContaining([
        "aborting during a slow response rejects at once with ABORTED and the signal's reason as cause",
        "abort rejects within the tolerance, long before the server answers",
        "an already-aborted signal rejects with ABORTED and sends nothing",
      ]),
    );
  }, 60_000);

  it("a transport that rejects on error statuses and throws raw fetch errors fails those checks", async () => {
    const raw: Transport = async (r) => {
      const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body as BodyInit, signal: r.signal, duplex: "half" } as RequestInit);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response;
    };
    const results = await runConformance({ createTransport: () => raw });
    const failed = failures(results);
    expect(failed).toContain("error statuses (404, 429, 500, 503) resolve with status, headers and body instead of rejecting");
    expect(failed).toContain("a connection dropped before any response rejects with NETWORK_ERROR");
    expect(failed).toContain("aborting during a slow response rejects at once with ABORTED and the signal's reason as cause");
    // What it does right still passes.
    expect(failed).not.toContain("POST sends a string body byte-exact as UTF-8");
    const drop = results.find((r) => r.name.includes("dropped before any response"));
    expect(String((drop?.error as Error).message)).toMatch(/should reject with an lbx error of code NETWORK_ERROR; got TypeError: fetch failed/);
  }, 60_000);

  it("a transport that mangles bodies fails the body checks", async () => {
    const good = fetchTransport();
    const mangles: Transport = (r) => good({ ...r, body: typeof r.body === "string" ? r.body.toUpperCase() : r.body });
    const failed = failures(await runConformance({ createTransport: () => mangles }));
    expect(failed).toEqual(["POST sends a string body byte-exact as UTF-8", "concurrent requests get their own responses"]);
  }, 60_000);
});
