/**
 * The HTTP seam of lbx. A transport is one function from a request to a WHATWG `Response`, so any
 * `fetch`, an undici dispatcher, a test double or a user's signing proxy plugs in the same way.
 */

/** Bodies a transport must be able to send. `FormData` carries GraphQL multipart uploads. */
export type TransportBody = string | Uint8Array | Blob | FormData | ReadableStream<Uint8Array>;

/** What kind of call a request is; retry and logging decisions depend on it. */
export type OperationKind = "query" | "mutation" | "upload" | "download";

/** The GraphQL operation (or file transfer) a request carries. */
export interface OperationInfo {
  /** The GraphQL operation name, e.g. `GetDataRowPyApi`, or a label such as `download`. */
  readonly name: string;
  readonly kind: OperationKind;
  /**
   * True when sending the request twice has the same effect as sending it once: queries,
   * uploads, downloads, and mutations the caller marks idempotent (e.g. upserts keyed by global
   * key). Retry middleware never repeats a request whose `idempotent` is false.
   */
  readonly idempotent: boolean;
}

export interface TransportRequest {
  readonly url: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  /** Header names in lower case. Middleware add to a copy; they never mutate the caller's object. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: TransportBody | null;
  /** Cancels the request. Middleware combine it with their own timers; they never drop it. */
  readonly signal?: AbortSignal;
  readonly operation?: OperationInfo;
  /** 1 for the first try; retry middleware set 2, 3, ... on later attempts. */
  readonly attempt?: number;
  /**
   * When the whole call must be over, in epoch milliseconds (`Date.now()` time). Set it per call;
   * `deadline()` enforces the earlier of it and its own limit, and retry does not start a wait
   * that would end after it.
   */
  readonly deadline?: number;
}

/**
 * Sends one request. Resolves with the response whatever its status; rejects only when no response
 * arrived: with a `NetworkError` when the connection failed, with an `AbortError` (or the lbx error
 * that is the signal's reason) when `signal` aborted. `@lbx/transport/testing` checks all of this.
 */
export type Transport = (request: TransportRequest) => Promise<Response>;

/** Wraps a transport with behaviour (retry, timeout, auth, ...). Composed with `compose`. */
export type Middleware = (next: Transport) => Transport;
