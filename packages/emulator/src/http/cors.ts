// CORS for browser clients. By default only pages served from localhost / 127.0.0.1 may call the
// emulator: its development API key is public, so letting any website in would let any website
// read and change local data.
import type { IncomingMessage, ServerResponse } from "node:http";

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export class Cors {
  constructor(private readonly origins: string[] | null) {}

  /** True if a browser page from `origin` may call the emulator. */
  allows(origin: string): boolean {
    if (!this.origins) return LOCAL_ORIGIN.test(origin);
    return this.origins.includes("*") || this.origins.includes(origin);
  }

  /** Adds the CORS headers a response to `req` needs. */
  apply(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!origin || !this.allows(origin)) return;
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Expose-Headers", "Retry-After, Content-Length");
  }

  /** Answers a preflight request. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    this.apply(req, res);
    if (req.headers.origin && this.allows(req.headers.origin)) {
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "Authorization, Content-Type");
      res.setHeader("Access-Control-Max-Age", "600");
    }
    res.writeHead(204);
    res.end();
  }
}
