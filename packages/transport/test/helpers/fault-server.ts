import { createHash } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { Socket } from "node:net";

export interface FaultServer {
  readonly url: string;
  /** Requests seen per `x-test-id`. */
  hits(id: string): number;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 with the faults the transport must survive, counted per test
 * (header `x-test-id`), so one server serves a whole test file:
 * - `/flaky?fail=N&status=S&retryAfter=R`: the first N requests get status S (with Retry-After R);
 * - `/drop-once`: the first request's connection is destroyed without an answer;
 * - `/slow-once?ms=M`: the first request is answered after M ms, later ones at once;
 * - `/slow?ms=M`: every request is answered after M ms;
 * - `/headers`: 200 with the request headers as JSON;
 * - `/echo`: 200 with `{ headers, bytes, sha256 }` of the request;
 * - `/redirect`: 307 to `/echo` (a client that follows it sends the same method and body again).
 * Everything else answers 200 `{ hits }`.
 */
export async function startFaultServer(): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, res: ServerResponse, action: () => void) => {
    const timer = setTimeout(() => (timers.delete(timer), action()), ms);
    timers.add(timer);
    res.on("close", () => (clearTimeout(timer), timers.delete(timer)));
  };
  const ok = (res: ServerResponse, hits: number) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ hits }));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const id = String(req.headers["x-test-id"] ?? "");
      const hits = (counts.get(id) ?? 0) + 1;
      counts.set(id, hits);
      const param = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
      switch (url.pathname) {
        case "/flaky":
          if (hits <= param("fail", 1)) {
            const headers: Record<string, string> = { "content-type": "text/plain" };
            const retryAfter = url.searchParams.get("retryAfter");
            if (retryAfter !== null) headers["retry-after"] = retryAfter;
            return void res.writeHead(param("status", 503), headers).end("try later");
          }
          return ok(res, hits);
        case "/drop-once":
          return hits === 1 ? void req.socket.destroy() : ok(res, hits);
        case "/slow-once":
          return hits === 1 ? later(param("ms", 1000), res, () => ok(res, hits)) : ok(res, hits);
        case "/slow":
          return later(param("ms", 1000), res, () => ok(res, hits));
        case "/headers":
          return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.headers));
        case "/echo": {
          const body = Buffer.concat(chunks);
          const sha256 = createHash("sha256").update(body).digest("hex");
          return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ headers: req.headers, bytes: body.length, sha256 }));
        }
        case "/redirect":
          return void res.writeHead(307, { location: "/echo" }).end();
        default:
          return ok(res, hits);
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    hits: (id) => counts.get(id) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
