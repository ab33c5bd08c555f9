import { parseRetryAfter } from "@lbx/transport";
import {
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  type ErrorContext,
  type GraphQLErrorInfo,
  LabelboxError,
  NotFoundError,
  OperationNotAllowedError,
  QueryComplexityError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./classes.js";

/** What the mapper needs from an HTTP response; the body is already read as text. */
export interface ResponseFacts {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly operationName: string;
  /** Removes the API key from any text the server produced. */
  readonly redact: (text: string) => string;
}

type Make = (message: string, context: ErrorContext, error: GraphQLErrorInfo) => LabelboxError;

const validation: Make = (message, context, e) => new ValidationError(message, [{ path: e.path?.join(".") ?? "", message }], context);
const server: Make = (m, c, e) => (e.status === 400 || e.status === 422 ? validation(m, c, e) : e.status === 426 ? new OperationNotAllowedError(m, c) : new ServerError(m, c));

// `extensions.code` in the order the Python SDK 6.0 tests them (spec §1.4): the first code in
// this list that any error carries decides, whatever the errors' order. RATE_LIMITED stands for
// the top-level "You have exceeded" message, checked between these codes exactly where Python does.
const BY_CODE: readonly (readonly [string, Make])[] = [
  ["AUTHENTICATION_ERROR", (_, c) => new AuthenticationError("Invalid API key", c)],
  ["AUTHORIZATION_ERROR", (m, c) => new AuthorizationError(m, c)],
  ["GRAPHQL_VALIDATION_FAILED", (m, c, e) => (m === "Query complexity limit exceeded" ? new QueryComplexityError(m, c) : validation(m, c, e))],
  ["GRAPHQL_PARSE_FAILED", validation],
  ["RATE_LIMITED", (m, c) => new RateLimitError(m, undefined, c)], // retryAfterMs filled in below
  ["RESOURCE_NOT_FOUND", (m, c) => new NotFoundError(m, c)],
  ["RESOURCE_CONFLICT", (m, c) => new ConflictError(m, c)],
  ["MALFORMED_REQUEST", validation],
  // Apollo's code for variables that do not coerce; Python calls it "Unknown error".
  ["BAD_USER_INPUT", validation],
  ["INTERNAL_SERVER_ERROR", server],
  ["OPERATION_NOT_ALLOWED", (m, c) => new OperationNotAllowedError(m, c)],
];

// For responses that carry no GraphQL error to go by.
const BY_STATUS: Readonly<Record<number, Make>> = {
  400: validation,
  401: (m, c) => new AuthenticationError(`${m}: invalid or missing API key`, c),
  403: (m, c) => new AuthorizationError(m, c),
  404: (m, c) => new NotFoundError(m, c),
  // Same code as the transport's TimeoutError, so `switch (e.code)` handles both.
  408: (m, c) => new LabelboxError("TIMEOUT", `${m}: the server timed out waiting for the request`, c),
  409: (m, c) => new ConflictError(m, c),
  422: validation,
  426: (m, c) => new OperationNotAllowedError(m, c),
};

/**
 * Turns a GraphQL HTTP response into its `data`, or throws the typed error for it. The checks
 * follow the Python SDK 6.0 (`Client.execute`, spec §1.4) so both clients classify a response the
 * same way; where Python gives up with a generic error we are more specific, never less.
 */
export function dataOrThrow(facts: ResponseFacts): Record<string, unknown> {
  const { status, headers, redact } = facts;
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(facts.text);
    if (isObject(parsed)) body = parsed;
  } catch {
    // Not JSON: classified by status below.
  }
  const errors = Array.isArray(body?.["errors"]) ? body["errors"].map((e) => errorInfo(e, redact)) : [];
  const context: ErrorContext = {
    operationName: facts.operationName,
    requestId: headers.get("x-request-id") ?? headers.get("request-id") ?? undefined,
    status,
    graphQLErrors: errors,
  };
  const top = typeof body?.["message"] === "string" ? redact(body["message"]) : undefined;
  const retryAfter = () => parseRetryAfter(headers, Date.now())?.ms;

  // Python >= 3.66: any 5xx is a server error whatever the body says.
  if (status >= 500) throw new ServerError(errors[0]?.message ?? `Internal server http error ${status}`, context);
  if (status === 429) throw new RateLimitError(top ?? "Rate limited (HTTP 429)", retryAfter(), context);
  const limited: GraphQLErrorInfo[] = top?.startsWith("You have exceeded") ? [{ message: top, code: "RATE_LIMITED" }] : [];
  for (const [code, make] of BY_CODE) {
    const error = errors.find((e) => e.code === code) ?? limited.find((e) => e.code === code);
    if (!error) continue;
    throw code === "RATE_LIMITED" ? new RateLimitError(error.message, retryAfter(), context) : make(error.message, context, error);
  }
  const first = errors[0];
  if (first) throw new LabelboxError("API_ERROR", `Unknown error ${first.code ?? "(no code)"}: ${first.message}`, context);
  if (status < 200 || status > 299 || !body) {
    const make = BY_STATUS[status];
    const message = `HTTP ${status}${top ? `: ${top}` : ""}`;
    if (make) throw make(message, context, { message });
    throw new LabelboxError(body ? "HTTP_ERROR" : "BAD_RESPONSE", body ? message : `Failed to parse response as JSON (HTTP ${status}): ${redact(facts.text.slice(0, 200))}`, context);
  }
  if (!isObject(body["data"])) throw new LabelboxError("BAD_RESPONSE", "The response has no data", context);
  return body["data"];
}

function errorInfo(raw: unknown, redact: (text: string) => string): GraphQLErrorInfo {
  const error = isObject(raw) ? raw : {};
  const extensions = isObject(error["extensions"]) ? error["extensions"] : {};
  const status = isObject(extensions["exception"]) ? extensions["exception"]["status"] : undefined;
  const info: { -readonly [K in keyof GraphQLErrorInfo]: GraphQLErrorInfo[K] } = {
    message: redact(typeof error["message"] === "string" ? error["message"] : "Unknown error"),
  };
  if (typeof extensions["code"] === "string") info.code = extensions["code"];
  if (Array.isArray(error["path"])) info.path = error["path"] as (string | number)[];
  if (typeof status === "number") info.status = status;
  return info;
}

/** @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
