import type { Transport, TransportRequest } from "@lbx/transport";
import { createClient, type ClientOptions, type LbxClient } from "../../src/index.js";

/** One request as the server would see it. */
export interface Recorded {
  readonly request: TransportRequest;
  /** GraphQL operation name (from the JSON body or the multipart `operations` part). */
  readonly operationName: string;
  readonly query: string;
  readonly variables: unknown;
  /** For multipart uploads: the file part and the raw `operations` JSON. */
  readonly file?: { readonly name: string; readonly type: string; readonly text: string; readonly size: number };
  readonly operationsJson?: string;
}

export type Reply = Response | object | ((r: Recorded) => Response | object | Promise<Response | object>);

/**
 * A transport that records what the SDK sends and answers from a script: our own seam, standing
 * in for the network, not a mock of Labelbox. Replies are keyed by operation name; an array is
 * consumed in order (the last one repeats). An object reply is sent as JSON `{data: ...}` unless
 * it already has `data` or `errors`.
 */
export function recordingTransport(replies: Record<string, Reply | Reply[]>): { transport: Transport; sent: Recorded[] } {
  const sent: Recorded[] = [];
  const cursor = new Map<string, number>();
  const transport: Transport = async (request) => {
    const recorded = await decode(request);
    sent.push(recorded);
    const script = replies[recorded.operationName];
    if (script === undefined) throw new Error(`recordingTransport: no reply scripted for ${recorded.operationName}`);
    let reply: Reply;
    if (Array.isArray(script)) {
      const i = cursor.get(recorded.operationName) ?? 0;
      cursor.set(recorded.operationName, i + 1);
      reply = script[Math.min(i, script.length - 1)] as Reply;
    } else reply = script;
    const value = typeof reply === "function" ? await reply(recorded) : reply;
    if (value instanceof Response) return value;
    const body = "data" in value || "errors" in value ? value : { data: value };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { transport, sent };
}

async function decode(request: TransportRequest): Promise<Recorded> {
  if (request.body instanceof FormData) {
    const operationsJson = String(request.body.get("operations"));
    const operations = JSON.parse(operationsJson) as { query: string; variables: unknown };
    const file = request.body.get("1") as File;
    return {
      request,
      operationName: /(?:query|mutation)\s*(\w+)/.exec(operations.query)?.[1] ?? "?",
      query: operations.query,
      variables: operations.variables,
      file: { name: file.name, type: file.type, text: await file.text(), size: file.size },
      operationsJson,
    };
  }
  const body = JSON.parse(String(request.body)) as { query: string; variables: unknown };
  return { request, operationName: /(?:query|mutation)\s*(\w+)/.exec(body.query)?.[1] ?? "?", query: body.query, variables: body.variables };
}

/** A client over a recording transport, with a dummy key. */
export function recordingClient(replies: Record<string, Reply | Reply[]>, options: ClientOptions = {}): { client: LbxClient; sent: Recorded[] } {
  const { transport, sent } = recordingTransport(replies);
  return { client: createClient({ apiKey: "test-api-key-0123456789", endpoint: "https://api.labelbox.com/graphql", transport, ...options }), sent };
}

/** A GraphQL error envelope as the cloud sends it. */
export function graphQLError(code: string, message: string, status?: number): object {
  return { data: null, errors: [{ message, locations: [], path: [], extensions: { code, ...(status ? { exception: { status } } : {}) } }] };
}
