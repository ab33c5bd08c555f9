// The transport's own failures (no response, time limit, caller abort) are one class each across lbx.
export { AbortError, isLbxError, LbxError, NetworkError, TimeoutError } from "@lbx/transport";
export {
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  LabelboxError,
  NotFoundError,
  OperationNotAllowedError,
  QueryComplexityError,
  RateLimitError,
  ServerError,
  TaskFailedError,
  TaskTimeoutError,
  ValidationError,
} from "./classes.js";
export type { ErrorContext, GraphQLErrorInfo, ValidationIssue } from "./classes.js";
