import { LbxError } from "@lbx/transport";

/** One GraphQL error object from the cloud's envelope, reduced to what callers need. */
export interface GraphQLErrorInfo {
  readonly message: string;
  /** `extensions.code`, e.g. `RESOURCE_NOT_FOUND`. */
  readonly code?: string;
  readonly path?: readonly (string | number)[];
  /** `extensions.exception.status`, sent with `INTERNAL_SERVER_ERROR`. */
  readonly status?: number;
}

/** Where an error came from, attached to every error that a request produced. */
export interface ErrorContext {
  /** The GraphQL operation name, e.g. `GetDataRowPyApi`. */
  readonly operationName?: string | undefined;
  /** The server's request id header, when it sent one; quote it to Labelbox support. */
  readonly requestId?: string | undefined;
  /** HTTP status of the response, when there was one. */
  readonly status?: number | undefined;
  readonly graphQLErrors?: readonly GraphQLErrorInfo[] | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error `@lbx/core` throws. Subclasses narrow `code`; `switch (e.code)` works across
 * duplicate copies of the package, and so does `instanceof` thanks to the brand in `LbxError`.
 *
 * @example
 * try { await getDataRow(client, id) } catch (e) { if (e instanceof NotFoundError) ... }
 */
export class LabelboxError extends LbxError {
  static override readonly errorName: string = "LabelboxError";
  // `declare`: assigned in the constructor only, so no class-field initializers reach the bundle.
  declare readonly operationName: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly status: number | undefined;
  declare readonly graphQLErrors: readonly GraphQLErrorInfo[];

  constructor(code: string, message: string, context: ErrorContext = {}) {
    // Error sets `cause` only when its options object has that key, so the context itself can be the options.
    super(code, message, context);
    this.operationName = context.operationName;
    this.requestId = context.requestId;
    this.status = context.status;
    this.graphQLErrors = context.graphQLErrors ?? [];
  }
}

/** The API key is missing, invalid or expired (`AUTHENTICATION_ERROR`, HTTP 401). */
export class AuthenticationError extends LabelboxError {
  static override readonly errorName: string = "AuthenticationError";
  declare readonly code: "AUTHENTICATION_ERROR";
  constructor(message: string, context?: ErrorContext) {
    super("AUTHENTICATION_ERROR", message, context);
  }
}

/** The key is valid but may not do this (`AUTHORIZATION_ERROR`, HTTP 403). */
export class AuthorizationError extends LabelboxError {
  static override readonly errorName: string = "AuthorizationError";
  declare readonly code: "AUTHORIZATION_ERROR";
  constructor(message: string, context?: ErrorContext) {
    super("AUTHORIZATION_ERROR", message, context);
  }
}

/** The object does not exist, was deleted, or belongs to another organization (`RESOURCE_NOT_FOUND`, null data, HTTP 404). */
export class NotFoundError extends LabelboxError {
  static override readonly errorName: string = "NotFoundError";
  declare readonly code: "NOT_FOUND";
  constructor(message: string, context?: ErrorContext) {
    super("NOT_FOUND", message, context);
  }
}

/** The change clashes with existing state, e.g. a global key another data row holds (`RESOURCE_CONFLICT`, HTTP 409). */
export class ConflictError extends LabelboxError {
  static override readonly errorName: string = "ConflictError";
  declare readonly code: "CONFLICT";
  constructor(message: string, context?: ErrorContext) {
    super("CONFLICT", message, context);
  }
}

/** One problem with an input, located by a path such as `metadataFields[2].value`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The input was rejected: before sending (every problem at once, each with its path), or by the
 * server (`GRAPHQL_VALIDATION_FAILED`, `GRAPHQL_PARSE_FAILED`, `MALFORMED_REQUEST`, HTTP 400/422).
 */
export class ValidationError extends LabelboxError {
  static override readonly errorName: string = "ValidationError";
  declare readonly code: "VALIDATION_ERROR";
  declare readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: readonly ValidationIssue[] = [], context?: ErrorContext) {
    super("VALIDATION_ERROR", message, context);
    this.issues = issues;
  }
}

/** The organization exceeded its request rate ("You have exceeded ...", HTTP 429). */
export class RateLimitError extends LabelboxError {
  static override readonly errorName: string = "RateLimitError";
  declare readonly code: "RATE_LIMITED";
  /** How long the server asked to wait (from `Retry-After` / `retry-after-ms`), if it said. */
  declare readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs: number | undefined, context?: ErrorContext) {
    super("RATE_LIMITED", message, context);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The query asked for too much at once ("Query complexity limit exceeded"); ask for smaller pages. */
export class QueryComplexityError extends LabelboxError {
  static override readonly errorName: string = "QueryComplexityError";
  declare readonly code: "QUERY_COMPLEXITY";
  constructor(message: string, context?: ErrorContext) {
    super("QUERY_COMPLEXITY", message, context);
  }
}

/** The plan does not allow this, e.g. a usage limit was reached (`OPERATION_NOT_ALLOWED`, HTTP 426). */
export class OperationNotAllowedError extends LabelboxError {
  static override readonly errorName: string = "OperationNotAllowedError";
  declare readonly code: "OPERATION_NOT_ALLOWED";
  constructor(message: string, context?: ErrorContext) {
    super("OPERATION_NOT_ALLOWED", message, context);
  }
}

/** The server failed (HTTP 5xx or `INTERNAL_SERVER_ERROR`). */
export class ServerError extends LabelboxError {
  static override readonly errorName: string = "ServerError";
  declare readonly code: "SERVER_ERROR";
  constructor(message: string, context?: ErrorContext) {
    super("SERVER_ERROR", message, context);
  }
}

/** A server task or job (upsert, global-key job) ended in FAILED. */
export class TaskFailedError extends LabelboxError {
  static override readonly errorName: string = "TaskFailedError";
  declare readonly code: "TASK_FAILED";
  declare readonly taskId: string;
  constructor(message: string, taskId: string, context?: ErrorContext) {
    super("TASK_FAILED", message, context);
    this.taskId = taskId;
  }
}

/** A server task or job was still running at the deadline. It may still finish: poll it again by `taskId`. */
export class TaskTimeoutError extends LabelboxError {
  static override readonly errorName: string = "TaskTimeoutError";
  declare readonly code: "TASK_TIMEOUT";
  declare readonly taskId: string;
  /** The last status the server reported, e.g. `IN_PROGRESS`. */
  declare readonly lastStatus: string;
  constructor(message: string, taskId: string, lastStatus: string, context?: ErrorContext) {
    super("TASK_TIMEOUT", message, context);
    this.taskId = taskId;
    this.lastStatus = lastStatus;
  }
}
