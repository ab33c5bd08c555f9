// A client that goes away in the middle of a large streamed upload (chunked, so busboy streams the
// part to disk): the request settles, the partial file is removed, and the emulator goes on.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { UPLOAD_DOCUMENT, uploadRaw, waitFor } from "./helpers/client.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-upload-abort-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

it("a chunked upload cut off after 17 MB leaves no file behind, and the next upload works", { timeout: 30_000 }, async () => {
  const emu = await startEmulator({ dataDir: dir });
  try {
    const { port } = new URL(emu.url);
    const boundary = "cutoff";
    const head = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ variables: { file: null, contentLength: 1, sign: false }, query: UPLOAD_DOCUMENT })}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1": ["variables.file"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="big.json"\r\n\r\n`,
    ].join("");
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    const chunk = (data: Buffer | string): void => {
      socket.write(`${Buffer.byteLength(data).toString(16)}\r\n`);
      socket.write(data);
      socket.write("\r\n");
    };
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${emu.apiKey}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    chunk(head);
    const mb = Buffer.alloc(1024 * 1024, 0x78);
    for (let i = 0; i < 17; i++) chunk(mb);
    // The part is being streamed to a file now; then the client vanishes.
    await waitFor(async () => (filesUnder(path.join(dir, "files")).length > 0 ? true : undefined), 10_000);
    socket.destroy();
    await waitFor(async () => (filesUnder(path.join(dir, "files")).length === 0 ? true : undefined), 10_000);
    const next = await uploadRaw(emu.url, emu.apiKey, "[]");
    expect(next.status).toBe(200);
  } finally {
    await emu.close();
  }
});
