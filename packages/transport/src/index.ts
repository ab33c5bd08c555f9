export type { Middleware, OperationInfo, OperationKind, Transport, TransportBody, TransportRequest } from "./types.js";
export { LbxError, isLbxError } from "./errors.js";
