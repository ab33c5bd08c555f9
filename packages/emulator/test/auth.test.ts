// Authentication: a Bearer key is required (header name in any case); a missing or wrong key gets
// the cloud's AUTHENTICATION_ERROR; keys never show up in responses or logs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_API_KEY, startEmulator, type RunningEmulator } from "../src/index.js";
import { gql, upload, download } from "./helpers/client.js";

const KEY = "secret-key-7f3a9c";
const lines: string[] = [];
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ apiKey: KEY, log: (l) => lines.push(l) });
});
afterAll(() => emu.close());

describe("authentication", () => {
  it("rejects a missing key, a wrong key and a non-Bearer scheme with HTTP 401 AUTHENTICATION_ERROR", async () => {
    for (const header of [null, "Bearer wrong", `Basic ${KEY}`, "Bearer "]) {
      const res = await fetch(emu.url, { method: "POST", headers: { "Content-Type": "application/json", ...(header ? { Authorization: header } : {}) }, body: JSON.stringify({ query: "{user{id}}" }) });
      expect(res.status).toBe(401);
      const body = (await res.json()) as any;
      expect(body).toEqual({ data: null, errors: [{ message: "Invalid API key", locations: [], path: [], extensions: { code: "AUTHENTICATION_ERROR" } }] });
    }
  });
  it("accepts the key in any header case and the scheme in any case", async () => {
    const res = await fetch(emu.url, { method: "POST", headers: { "Content-Type": "application/json", authorization: `bearer ${KEY}` }, body: JSON.stringify({ query: "{user{id}}" }) });
    expect(res.status).toBe(200);
  });
  it("does not accept the development default once a key is configured", async () => {
    expect((await gql(emu.url, DEFAULT_API_KEY, "{user{id}}")).status).toBe(401);
  });
  it("protects the control endpoints but not file downloads", async () => {
    const origin = new URL(emu.url).origin;
    expect((await fetch(`${origin}/_emulator/faults`)).status).toBe(401);
    expect((await fetch(`${origin}/_emulator/faults`, { headers: { Authorization: `Bearer ${KEY}` } })).status).toBe(200);
    const fileUrl = await upload(emu.url, KEY, "public bytes", "f.txt");
    expect((await download(fileUrl)).text).toBe("public bytes");
  });
  it("never puts the key in a response or a log line", async () => {
    const r = await gql(emu.url, KEY, "query{user{id email name nickname intercomHash organization{id name}}}");
    expect(JSON.stringify(r.body)).not.toContain(KEY);
    await gql(emu.url, `${KEY}x`, "{user{id}}");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(KEY);
  });
});
