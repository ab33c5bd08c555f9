import { abortErrorOf } from "../../src/abort.js";
import { NetworkError, TimeoutError } from "../../src/errors.js";
import type { Transport, TransportRequest } from "../../src/types.js";

/**
 * One scripted outcome: a status (with optional headers), a network error, an attempt or deadline
 * timeout thrown by an inner layer, any other thrown value, or "hang" (no answer until the
 * request's signal aborts, as a conformant transport behaves).
 */
export type Step =
  | number
  | { status: number; headers?: Record<string, string>; body?: BodyInit }
  | "network"
  | "attempt-timeout"
  | "deadline-timeout"
  | "hang"
  | { throws: unknown };

export interface Scripted extends Transport {
  /** Every request the transport received, in order. */
  readonly calls: TransportRequest[];
}

/** A transport that plays `steps` in order, one per call; it fails the test if called once too often. */
export function scripted(steps: readonly Step[]): Scripted {
  const calls: TransportRequest[] = [];
  const transport = async (request: TransportRequest): Promise<Response> => {
    calls.push(request);
    if (request.signal?.aborted) throw abortErrorOf(request.signal);
    const step = steps[calls.length - 1];
    if (step === undefined) throw new Error(`scripted transport called ${calls.length} times, only ${steps.length} steps`);
    if (typeof step === "number") return new Response(`status ${step}`, { status: step });
    if (step === "network") return Promise.reject(new NetworkError("connection reset", { cause: new Error("ECONNRESET") }));
    if (step === "attempt-timeout") throw new TimeoutError("attempt", 1000);
    if (step === "deadline-timeout") throw new TimeoutError("deadline", 5000);
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        const signal = request.signal;
        if (!signal) return;
        signal.addEventListener("abort", () => reject(abortErrorOf(signal)), { once: true });
      });
    }
    if ("throws" in step) throw step.throws;
    return new Response(step.body ?? `status ${step.status}`, { status: step.status, headers: step.headers ?? {} });
  };
  return Object.assign(transport, { calls });
}

/** A plain request; GET with no operation unless overridden. */
export function request(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return { url: "https://api.labelbox.com/graphql", method: "GET", headers: {}, ...overrides };
}

/** An idempotent GraphQL query request. */
export function query(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return request({ method: "POST", body: "{}", operation: { name: "GetDataRowPyApi", kind: "query", idempotent: true }, ...overrides });
}
