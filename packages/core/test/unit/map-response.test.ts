import { describe, expect, it } from "vitest";
import { dataOrThrow } from "../../src/errors/map-response.js";
import {
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  isLbxError,
  LabelboxError,
  LbxError,
  NotFoundError,
  OperationNotAllowedError,
  QueryComplexityError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../../src/index.js";
import { capture, stepRequests } from "../helpers/spec.js";

const KEY = "secret-key-abcdef123456";
const redact = (t: string) => t.split(KEY).join("[REDACTED]");

function map(status: number, body: unknown, headers: Record<string, string> = {}): unknown {
  try {
    return dataOrThrow({ status, headers: new Headers(headers) }, typeof body === "string" ? body : JSON.stringify(body), "GetDataRowPyApi", redact);
  } catch (error) {
    return error;
  }
}

// What the Python SDK 6.0 raised for each recorded probe, and the lbx class for it. Where Python
// falls back to a generic LabelboxError we are more specific, never less.
const PYTHON_TO_LBX: Record<string, [new (...args: never[]) => LabelboxError, string]> = {
  error_AUTHENTICATION_ERROR_None: [AuthenticationError, "AUTHENTICATION_ERROR"],
  error_AUTHORIZATION_ERROR_None: [AuthorizationError, "AUTHORIZATION_ERROR"],
  error_GRAPHQL_VALIDATION_FAILED_None: [ValidationError, "VALIDATION_ERROR"],
  error_GRAPHQL_PARSE_FAILED_None: [ValidationError, "VALIDATION_ERROR"],
  error_RESOURCE_NOT_FOUND_None: [NotFoundError, "NOT_FOUND"],
  error_RESOURCE_CONFLICT_None: [ConflictError, "CONFLICT"],
  error_MALFORMED_REQUEST_None: [ValidationError, "VALIDATION_ERROR"],
  error_INTERNAL_SERVER_ERROR_400: [ValidationError, "VALIDATION_ERROR"],
  error_INTERNAL_SERVER_ERROR_422: [ValidationError, "VALIDATION_ERROR"],
  error_INTERNAL_SERVER_ERROR_426: [OperationNotAllowedError, "OPERATION_NOT_ALLOWED"],
  error_INTERNAL_SERVER_ERROR_500: [ServerError, "SERVER_ERROR"],
  error_INTERNAL_SERVER_ERROR_None: [ServerError, "SERVER_ERROR"],
  error_OPERATION_NOT_ALLOWED_None: [OperationNotAllowedError, "OPERATION_NOT_ALLOWED"],
  error_BAD_USER_INPUT_None: [ValidationError, "VALIDATION_ERROR"],
  error_complexity: [QueryComplexityError, "QUERY_COMPLEXITY"],
};

describe("dataOrThrow: the recorded error probes of SDK 6.0", () => {
  const probes = capture("v.6.0.0");
  for (const [step, [cls, code]] of Object.entries(PYTHON_TO_LBX)) {
    it(`${step} -> ${cls.name}`, () => {
      const [request] = stepRequests(probes, step);
      const error = map(200, request?.response);
      expect(error).toBeInstanceOf(cls);
      expect((error as LabelboxError).code).toBe(code);
      expect((error as LabelboxError).operationName).toBe("GetDataRowPyApi");
      expect((error as LabelboxError).graphQLErrors.length).toBe(1);
    });
  }

  it("INTERNAL_SERVER_ERROR with exception.status 503 is a retryable server error", () => {
    const [request] = stepRequests(probes, "error_INTERNAL_SERVER_ERROR_503");
    const error = map(200, request?.response) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.graphQLErrors[0]?.status).toBe(503);
  });
});

describe("dataOrThrow: HTTP statuses and bodies", () => {
  it("returns data for a good response", () => {
    expect(map(200, { data: { dataRow: { id: "x" } } })).toEqual({ dataRow: { id: "x" } });
  });

  it("429 is a RateLimitError with the Retry-After delay in ms", () => {
    const error = map(429, { message: "You have exceeded the rate limit" }, { "retry-after": "1.5" }) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterMs).toBe(1500);
    expect(error.message).toBe("You have exceeded the rate limit");
  });

  it("a non-JSON 429 is still a RateLimitError (Python would say 'Failed to parse')", () => {
    const error = map(429, "Too Many Requests", { "retry-after-ms": "250" }) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(250);
  });

  it("'You have exceeded' at top level of a 200 body is a RateLimitError", () => {
    expect(map(200, { message: "You have exceeded your quota" })).toBeInstanceOf(RateLimitError);
  });

  it("any 5xx is a ServerError whatever the body", () => {
    for (const status of [500, 502, 503, 520]) {
      const error = map(status, status === 502 ? "<html>Bad Gateway</html>" : { errors: [{ message: "boom", extensions: { code: "AUTHENTICATION_ERROR" } }] });
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).status).toBe(status);
    }
  });

  it("a JSON 401 without errors is an AuthenticationError", () => {
    expect(map(401, { message: "Unauthorized" })).toBeInstanceOf(AuthenticationError);
  });

  it("statuses without a GraphQL error map by status", () => {
    expect(map(403, "nope")).toBeInstanceOf(AuthorizationError);
    expect(map(404, "nope")).toBeInstanceOf(NotFoundError);
    expect(map(409, {})).toBeInstanceOf(ConflictError);
    expect(map(400, {})).toBeInstanceOf(ValidationError);
    expect(map(422, "x")).toBeInstanceOf(ValidationError);
    expect(map(426, "x")).toBeInstanceOf(OperationNotAllowedError);
    expect((map(408, "x") as LabelboxError).code).toBe("TIMEOUT");
  });

  it("a 200 that is not JSON is BAD_RESPONSE, quoting the body", () => {
    const error = map(200, "not json") as LabelboxError;
    expect(error.code).toBe("BAD_RESPONSE");
    expect(error.message).toContain("not json");
  });

  it("an unknown code is API_ERROR naming the code; a missing code does not crash", () => {
    expect((map(200, { errors: [{ message: "m", extensions: { code: "WHATEVER" } }] }) as LabelboxError).message).toBe("Unknown error WHATEVER: m");
    expect((map(200, { errors: [{ message: "m" }] }) as LabelboxError).code).toBe("API_ERROR");
  });

  it("codes are checked in Python's order, not array order", () => {
    const body = {
      errors: [
        { message: "gone", extensions: { code: "RESOURCE_NOT_FOUND" } },
        { message: "who", extensions: { code: "AUTHENTICATION_ERROR" } },
      ],
    };
    expect(map(200, body)).toBeInstanceOf(AuthenticationError);
  });

  it("a response without data is BAD_RESPONSE", () => {
    expect((map(200, { data: null }) as LabelboxError).code).toBe("BAD_RESPONSE");
  });

  it("server validation errors carry the GraphQL path", () => {
    const error = map(200, { errors: [{ message: "bad", path: ["createDataRow", 0], extensions: { code: "MALFORMED_REQUEST" } }] }) as ValidationError;
    expect(error.issues).toEqual([{ path: "createDataRow.0", message: "bad" }]);
  });

  it("attaches the request id header", () => {
    const error = map(200, { errors: [{ message: "x", extensions: { code: "RESOURCE_CONFLICT" } }] }, { "x-request-id": "req-1" }) as LabelboxError;
    expect(error.requestId).toBe("req-1");
  });

  it("never repeats the API key the server echoed", () => {
    const error = map(200, { errors: [{ message: `bad key ${KEY}`, extensions: { code: "AUTHORIZATION_ERROR" } }] }) as LabelboxError;
    expect(error.message).toBe("bad key [REDACTED]");
    expect(JSON.stringify(error.graphQLErrors)).not.toContain(KEY);
    const garbled = map(200, `<html>${KEY}</html>`) as LabelboxError;
    expect(garbled.message).not.toContain(KEY);
  });
});

describe("error classes", () => {
  it("are branded lbx errors with stable codes and names", () => {
    const error = new NotFoundError("gone", { operationName: "GetDataRowPyApi" });
    expect(isLbxError(error)).toBe(true);
    expect(error).toBeInstanceOf(LbxError);
    expect(error).toBeInstanceOf(LabelboxError);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error.name).toBe("NotFoundError");
    expect(error.code).toBe("NOT_FOUND");
  });

  it("instanceof works for a copy of the class from another package instance (brand + errorName)", () => {
    // A structurally separate class with the same declared name, as a second copy of @lbx/core would have.
    class OtherCopyNotFound extends LbxError {
      static override readonly errorName: string = "NotFoundError";
    }
    const foreign = new OtherCopyNotFound("NOT_FOUND", "gone");
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).not.toBeInstanceOf(ConflictError);
  });
});
