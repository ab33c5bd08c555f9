// The cloud's error envelope (Apollo style). Every error object carries `extensions.code`: the
// Python SDK indexes it unconditionally and crashes with a KeyError otherwise. INTERNAL_SERVER_ERROR
// also carries `extensions.exception.status`, which SDK 3.44+ reads to pick the exception class.

/** The `extensions.code` values the emulator sends. */
export type ErrorCode =
  | "AUTHENTICATION_ERROR"
  | "AUTHORIZATION_ERROR"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "RESOURCE_NOT_FOUND"
  | "RESOURCE_CONFLICT"
  | "MALFORMED_REQUEST"
  | "INTERNAL_SERVER_ERROR"
  | "OPERATION_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED";

/** One error object of the envelope. */
export interface WireError {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions: { code: string; exception?: { status: number } } & Record<string, unknown>;
}

/** The body of an error response. */
export interface ErrorEnvelope {
  data: null;
  errors: WireError[];
}

/**
 * An error with a wire code, thrown by resolvers and the HTTP layer. `status` is the
 * `extensions.exception.status` of INTERNAL_SERVER_ERROR; `httpStatus` is the response status when
 * the error ends the request before GraphQL execution.
 */
export class EmulatorError extends Error {
  readonly code: ErrorCode | string;
  readonly status: number | undefined;
  readonly httpStatus: number;

  constructor(code: ErrorCode | string, message: string, options: { status?: number; httpStatus?: number } = {}) {
    super(message);
    this.name = "EmulatorError";
    this.code = code;
    this.status = options.status ?? (code === "INTERNAL_SERVER_ERROR" ? 500 : undefined);
    this.httpStatus = options.httpStatus ?? 200;
  }

  /** The error as one object of the envelope. */
  toWire(path?: Array<string | number>): WireError {
    const extensions: WireError["extensions"] = { code: this.code };
    if (this.status !== undefined) extensions.exception = { status: this.status };
    return { message: this.message, locations: [], path: path ?? [], extensions };
  }
}

/** Input the server cannot accept: the SDK maps it to MalformedQueryException, never retried. */
export function malformed(message: string): EmulatorError {
  return new EmulatorError("MALFORMED_REQUEST", message);
}

/** A missing (or invisible to this organization) object. */
export function notFound(what: string, id?: string): EmulatorError {
  return new EmulatorError("RESOURCE_NOT_FOUND", id === undefined ? `${what} not found` : `${what} not found: ${id}`);
}

/** An envelope holding one error. */
export function envelope(error: WireError): ErrorEnvelope {
  return { data: null, errors: [error] };
}
