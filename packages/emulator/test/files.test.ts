// Signed file URLs: byte-for-byte downloads without auth, an unguessable signature, an expiry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { download, upload } from "./helpers/client.js";

let now = Date.UTC(2030, 0, 1);
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ clock: () => now, fileUrlTtlSeconds: 60 });
});
afterAll(() => emu.close());

describe("signed file URLs", () => {
  it("serve every byte value back exactly, without auth, with HEAD support", async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    const url = await upload(emu.url, emu.apiKey, bytes, "bin.dat");
    expect(url).toMatch(/\/files\/b[0-9a-f]{36}\?Expires=\d+&Signature=[A-Za-z0-9_-]{43}$/);
    const got = await download(url);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.bytes, Buffer.from(bytes))).toBe(0);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe("4096");
  });
  it("refuse a changed signature, a changed expiry, an unknown file", async () => {
    const url = await upload(emu.url, emu.apiKey, "abc", "a.txt");
    const u = new URL(url);
    const sig = u.searchParams.get("Signature")!;
    u.searchParams.set("Signature", (sig[0] === "A" ? "B" : "A") + sig.slice(1));
    expect((await fetch(u)).status).toBe(403);
    const later = new URL(url);
    later.searchParams.set("Expires", String(Number(later.searchParams.get("Expires")) + 1000));
    expect((await fetch(later)).status).toBe(403);
    // Change the blob id's first hex digit to a different one (replacing it with a fixed digit
    // would leave the URL untouched whenever the id already starts with that digit).
    const other = url.replace(/\/files\/b([0-9a-f])/, (_match, digit: string) => `/files/b${digit === "0" ? "1" : "0"}`);
    expect(other).not.toBe(url);
    expect((await fetch(other)).status).toBe(403);
  });
  it("expire after the configured lifetime", async () => {
    const url = await upload(emu.url, emu.apiKey, "soon gone", "a.txt");
    now += 59_000;
    expect((await download(url)).status).toBe(200);
    now += 2_000;
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "This signed URL has expired" });
  });
});
