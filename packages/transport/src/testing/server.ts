import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** A running server that implements the conformance routes (see `startConformanceServer`). */
export interface ConformanceServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Stops the server and destroys every open connection. */
  close(): Promise<void>;
}

/** What `/echo` answers: the request as the server received it. */
export interface EchoReply {
  readonly method: string;
  /** Path and query. */
  readonly url: string;
  /** Header names in lower case, as Node reports them. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** The request body, base64. */
  readonly body: string;
}

const CONFORMANCE_ID = "x-conformance-id";

/**
 * Starts a `node:http` server on 127.0.0.1 (a free port) with the routes the conformance checks
 * use. Another runtime can run the checks against its own server with the same routes:
 *
 * | route | answer |
 * |---|---|
 * | `/echo` (any method) | 200 JSON `EchoReply` |
 * | `/status/<code>` | that status, `retry-after: 1`, `x-conformance: yes`, body `status <code>` |
 * | `/drop` | destroys the connection without answering |
 * | `/drop-mid-body` | 200 with `content-length: 1000`, sends 10 bytes, then destroys the connection |
 * | `/slow?ms=<n>` | 200 `slow` after n ms |
 * | `/stream?chunks=<n>&size=<m>&gapMs=<g>` | 200, n chunks of m bytes `x`, g ms apart |
 * | `/seen/<id>` | 200 JSON `{ "count": n }`: requests seen with `x-conformance-id: <id>` |
 */
export async function startConformanceServer(): Promise<ConformanceServer> {
  const http = await import("node:http");
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const seen = new Map<string, number>();
  const later = (ms: number, action: () => void, res: ServerResponse) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
    res.on("close", () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    const status = /^\/status\/(\d{3})$/.exec(path);
    const seenId = /^\/seen\/(.+)$/.exec(path);
    const number = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);

    if (path === "/echo") {
      const reply: EchoReply = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: body.toString("base64") };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    } else if (status) {
      res.writeHead(Number(status[1]), { "retry-after": "1", "x-conformance": "yes", "content-type": "text/plain" });
      res.end(`status ${status[1]}`);
    } else if (path === "/drop") {
      req.socket.destroy();
    } else if (path === "/drop-mid-body") {
      res.writeHead(200, { "content-length": "1000", "content-type": "text/plain" });
      res.write("0123456789");
      later(20, () => req.socket.destroy(), res);
    } else if (path === "/slow") {
      later(number("ms", 1000), () => res.writeHead(200, { "content-type": "text/plain" }).end("slow"), res);
    } else if (path === "/stream") {
      const chunks = number("chunks", 4);
      const chunk = Buffer.alloc(number("size", 1024), "x");
      const gapMs = number("gapMs", 0);
      res.writeHead(200, { "content-type": "application/octet-stream" });
      let sent = 0;
      const sendNext = () => {
        if (sent === chunks) return void res.end();
        sent++;
        const writable = res.write(chunk);
        if (gapMs > 0) later(gapMs, sendNext, res);
        else if (writable) setImmediate(sendNext);
        else res.once("drain", sendNext);
      };
      sendNext();
    } else if (seenId) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ count: seen.get(seenId[1] ?? "") ?? 0 }));
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no conformance route ${path}`);
    }
  };

  const server: Server = http.createServer((req, res) => {
    const id = req.headers[CONFORMANCE_ID];
    if (typeof id === "string") seen.set(id, (seen.get(id) ?? 0) + 1);
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => handle(req, res, Buffer.concat(parts)));
    // /drop answers before the body is read; a destroyed request has nothing more to say.
    req.on("error", () => undefined);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("conformance server has no TCP address");

  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
