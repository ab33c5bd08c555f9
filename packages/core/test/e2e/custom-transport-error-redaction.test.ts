import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Transport } from "@lbx/transport";
import { createClient, getDataset, NetworkError } from "../../src/index.js";

const KEY = "secret-key-0123456789abcdef";
// A server that drops every connection as soon as a request arrives.
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req) => req.socket.destroy());
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => server.close());

// A transport over node:http that, like axios (`config`) and got (`options`), attaches the request
// it made, authorization header included, to the error it rejects with.
const leakyTransport: Transport = (request) =>
  new Promise((_resolve, reject) => {
    const options = { method: request.method, headers: { ...request.headers } };
    httpRequest(request.url, options)
      .on("error", (error: Error) => reject(Object.assign(error, { options, config: { headers: new Headers(options.headers) } })))
      .end(request.body as string);
  });

it("a custom transport's error keeps its code in `cause` but never the API key", async () => {
  const client = createClient({ apiKey: KEY, endpoint, transport: leakyTransport });
  const error = await getDataset(client, "cdataset00000000000000000").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).cause).toMatchObject({ code: "ECONNRESET", message: "socket hang up" });
  expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(KEY);
  expect(JSON.stringify(error)).not.toContain(KEY);
  expect(JSON.stringify((error as NetworkError).cause)).not.toContain(KEY);
});
