import type { Transport, TransportRequest } from "@lbx/transport";

/** A reply for one request: the GraphQL `data`, an HTTP status with a body, or a thrown error. */
export type Reply = { data: unknown } | { status: number; body: unknown; headers?: Record<string, string> } | { throws: Error };

/**
 * A transport that answers from a script keyed by GraphQL operation name, and records what was
 * asked: our own seam for unit tests of logic that talks to the server (polling, retry), driven
 * by a fake clock. Not a model of Labelbox: the scripts say exactly what each test needs.
 */
export function scriptedTransport(script: (operation: string, variables: Record<string, unknown>, n: number) => Reply): {
  transport: Transport;
  calls: Array<{ operation: string; variables: Record<string, unknown> }>;
} {
  const calls: Array<{ operation: string; variables: Record<string, unknown> }> = [];
  const counts = new Map<string, number>();
  const transport: Transport = async (request: TransportRequest) => {
    const body = JSON.parse(String(request.body)) as { query: string; variables: Record<string, unknown> | null };
    const operation = /(?:query|mutation)\s*(\w+)/.exec(body.query)?.[1] ?? "?";
    const n = (counts.get(operation) ?? 0) + 1;
    counts.set(operation, n);
    calls.push({ operation, variables: body.variables ?? {} });
    const reply = script(operation, body.variables ?? {}, n);
    if ("throws" in reply) throw reply.throws;
    if ("data" in reply) return new Response(JSON.stringify({ data: reply.data }), { status: 200, headers: { "content-type": "application/json" } });
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { "content-type": "application/json", ...reply.headers } });
  };
  return { transport, calls };
}

/** A task record as `GetUserCreatedTasksPyApi` returns it. */
export function taskReply(id: string, status: string, completionPercentage: number | null = null): Reply {
  const task = { id, status, completionPercentage, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", name: "upsert", result: null, errors: status === "FAILED" ? "boom" : null, type: "adv-upsert-data-rows", metadata: null };
  return { data: { user: { createdTasks: [task] } } };
}

export const userReply: Reply = { data: { user: { id: "user-1", email: "a@b.c", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", nickname: null, name: "A" } } };
