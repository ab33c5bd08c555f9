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
import { isRecord } from "../validation/issues.js";

/** Builds the error for one outcome: the message, the context, the GraphQL error, the server's Retry-After. */
type Make = (message: string, context: ErrorContext, error: GraphQLErrorInfo, retryAfterMs: number | undefined) => LabelboxError;

// One maker per outcome, shared by the code table and the status table.
const validation: Make = (m, c, e) =>
  m === "Query complexity limit exceeded"
    ? new QueryComplexityError(m, c)
    : // The cloud reports a taken global key as a malformed request (spec §5.1); it is a conflict.
      /duplicate global key/i.test(m)
      ? new ConflictError(m, c)
      : new ValidationError(m, [{ path: e.path?.join(".") ?? "", message: m }], c);
const authentication: Make = (m, c) => new AuthenticationError(m, c);
const authorization: Make = (m, c) => new AuthorizationError(m, c);
const notFound: Make = (m, c) => new NotFoundError(m, c);
const conflict: Make = (m, c) => new ConflictError(m, c);
const notAllowed: Make = (m, c) => new OperationNotAllowedError(m, c);

// For responses that carry no GraphQL error to go by; also `extensions.exception.status` of an
// INTERNAL_SERVER_ERROR (Python >= 3.70: 400 and 422 are bad input, 426 not allowed).
const BY_STATUS: Readonly<Record<number, Make>> = {
  400: validation,
  401: authentication,
  403: authorization,
  404: notFound,
  409: conflict,
  422: validation,
  426: notAllowed,
};

// `extensions.code` in the order the Python SDK 6.0 tests them (spec §1.4): the first code in
// this table that any error carries decides, whatever the errors' order (object keys keep their
// insertion order). RATE_LIMITED also stands for the top-level "You have exceeded" message,
// checked between these codes exactly where Python does.
const BY_CODE: Readonly<Record<string, Make>> = {
  AUTHENTICATION_ERROR: authentication,
  AUTHORIZATION_ERROR: authorization,
  GRAPHQL_VALIDATION_FAILED: validation,
  GRAPHQL_PARSE_FAILED: validation,
  RATE_LIMITED: (m, c, _, wait) => new RateLimitError(m, wait, c),
  RESOURCE_NOT_FOUND: notFound,
  RESOURCE_CONFLICT: conflict,
  MALFORMED_REQUEST: validation,
  // Apollo's code for variables that do not coerce; Python calls it "Unknown error".
  BAD_USER_INPUT: validation,
  INTERNAL_SERVER_ERROR: (m, c, e, w) => (e.status === 400 || e.status === 422 || e.status === 426 ? (BY_STATUS[e.status] as Make)(m, c, e, w) : new ServerError(m, c)),
  OPERATION_NOT_ALLOWED: notAllowed,
};

/**
 * Turns a GraphQL HTTP response into its `data`, or throws the typed error for it. The checks
 * follow the Python SDK 6.0 (`Client.execute`, spec §1.4) so both clients classify a response the
 * same way; where Python gives up with a generic error we are more specific, never less.
 * `text` is the body, already read; `redact` removes the API key from any text the server produced.
 */
export function dataOrThrow(
  { status, headers }: Pick<Response, "status" | "headers">,
  text: string,
  operationName: string,
  redact: (text: string) => string,
): Record<string, unknown> {
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) body = parsed;
  } catch {
    // Not JSON: classified by status below.
  }
  const errors = Array.isArray(body?.["errors"]) ? body["errors"].map((e) => errorInfo(e, redact)) : [];
  const context: ErrorContext = {
    operationName,
    requestId: headers.get("x-request-id") ?? headers.get("request-id") ?? undefined,
    status,
    graphQLErrors: errors,
  };
  const top = typeof body?.["message"] === "string" ? redact(body["message"]) : undefined;
  const wait = parseRetryAfter(headers, Date.now())?.ms;
  const fail = (code: string, message: string) => new LabelboxError(code, message, context);
  // For outcomes the body does not explain, e.g. "HTTP 502", "HTTP 401: Unauthorized".
  const message = `HTTP ${status}${top ? `: ${top}` : ""}`;

  // Python >= 3.66: any 5xx is a server error whatever the body says.
  if (status >= 500) throw new ServerError(errors[0]?.message ?? message, context);
  if (status === 429) throw new RateLimitError(top ?? message, wait, context);
  const candidates = top?.startsWith("You have exceeded") ? [...errors, { message: top, code: "RATE_LIMITED" }] : errors;
  for (const code in BY_CODE) {
    const error = candidates.find((e) => e.code === code);
    if (error) throw (BY_CODE[code] as Make)(error.message, context, error, wait);
  }
  const first = errors[0];
  if (first) throw fail("API_ERROR", `Unknown error ${first.code ?? "(no code)"}: ${first.message}`);
  const make = BY_STATUS[status];
  if (make) throw make(message, context, { message }, wait);
  // Same code as the transport's TimeoutError, so `switch (e.code)` handles both.
  if (status === 408) throw fail("TIMEOUT", message);
  if (!body) throw fail("BAD_RESPONSE", `Failed to parse response as JSON (HTTP ${status}): ${redact(text.slice(0, 200))}`);
  if (status < 200 || status > 299) throw fail("HTTP_ERROR", message);
  if (!isRecord(body["data"])) throw fail("BAD_RESPONSE", "The response has no data");
  return body["data"];
}

function errorInfo(raw: unknown, redact: (text: string) => string): GraphQLErrorInfo {
  const { message, path, extensions } = isRecord(raw) ? raw : {};
  const { code, exception } = isRecord(extensions) ? extensions : {};
  const status = isRecord(exception) ? exception["status"] : undefined;
  return {
    message: redact(typeof message === "string" ? message : "Unknown error"),
    ...(typeof code === "string" && { code }),
    ...(Array.isArray(path) && { path: path as (string | number)[] }),
    ...(typeof status === "number" && { status }),
  };
}
