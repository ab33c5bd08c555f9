// Small helpers for writing responses and reading bodies with a size limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatorError } from "../errors.js";

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends a plain-text body. */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Reads the whole body; more than `maxBytes` is an HTTP 413. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBytes) {
      req.resume();
      reject(new EmulatorError("PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBytes} bytes`, { httpStatus: 413 }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) over = true;
      else chunks.push(chunk);
    });
    req.on("end", () =>
      over ? reject(new EmulatorError("PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBytes} bytes`, { httpStatus: 413 })) : resolve(Buffer.concat(chunks)),
    );
    req.on("error", reject);
  });
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
