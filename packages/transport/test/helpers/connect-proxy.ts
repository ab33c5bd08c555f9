import { createServer, type Server } from "node:http";
import { connect, type Socket } from "node:net";

export interface ConnectProxy {
  readonly url: string;
  /** The `host:port` of every tunnel opened, in order. */
  readonly connects: string[];
  close(): Promise<void>;
}

/** A minimal HTTP CONNECT proxy on 127.0.0.1 (what corporate proxies speak), recording each tunnel. */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((_, res) => res.writeHead(405).end("CONNECT only"));
  proxy.on("connect", (req, client: Socket, head: Buffer) => {
    connects.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}
