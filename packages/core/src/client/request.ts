import type { OperationInfo, TransportBody } from "@lbx/transport";
import { dataOrThrow } from "../errors/map-response.js";
import { transportFailure } from "../errors/map-transport-failure.js";
import type { TypedDocumentString } from "../generated/documents.js";
import type { LbxClient } from "./client.js";

/** Options every operation function accepts as its last argument. */
export interface CallOptions {
  /** Cancels the call, including any polling or backoff inside it. */
  readonly signal?: AbortSignal | undefined;
  /** Extra headers for this call only (lower-case names). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Sends one GraphQL document as JSON and returns its `data`, or throws a typed error.
 * `idempotent` defaults to true for queries and false for mutations; pass true only for a
 * mutation that is safe to repeat, because retry middleware will then repeat it.
 */
export async function execute<TResult, TVariables>(
  client: LbxClient,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  options: CallOptions = {},
  idempotent?: boolean,
): Promise<TResult> {
  const [, kind = "query", name = "anonymous"] = /^\s*(query|mutation)\s*(\w+)/.exec(document) ?? [];
  return executeOperation(client, { name, kind: kind as "query" | "mutation", idempotent: idempotent ?? kind === "query" }, document, variables, options);
}

/**
 * @internal {@link execute} for a caller that states the operation (name, kind, whether it is safe
 * to repeat) instead of having it read from the document: one step less in its bundle.
 */
export async function executeOperation<TResult, TVariables>(
  client: LbxClient,
  operation: OperationInfo,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  options: CallOptions,
): Promise<TResult> {
  // Key order query, variables: what the Python SDK sends.
  const body = JSON.stringify({ query: document, variables });
  return (await post(client, body, { "content-type": "application/json" }, operation, options)) as TResult;
}

/** @internal POSTs a body to the GraphQL endpoint and maps the response. Shared by JSON and multipart calls. */
export async function post(
  client: LbxClient,
  body: TransportBody,
  headers: Record<string, string>,
  operation: OperationInfo,
  options: CallOptions,
): Promise<Record<string, unknown>> {
  const { signal } = options;
  let response: Response;
  let text: string;
  try {
    response = await client.send({
      url: client.endpoint,
      method: "POST",
      headers: { accept: "application/json", ...headers, ...options.headers },
      body,
      signal,
      operation,
      attempt: 1,
    });
    // Reading the body can fail too (connection dropped mid-body): the same failure.
    text = await response.text();
  } catch (error) {
    throw transportFailure(error, signal, operation.name, client.redact);
  }
  return dataOrThrow(response, text, operation.name, client.redact);
}
