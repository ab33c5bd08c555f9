/**
 * The root of every error lbx throws, and the transport's own errors: the ones about moving bytes
 * (no response, attempt timeout, deadline, abort). HTTP and GraphQL failures are not errors here:
 * a transport resolves with the `Response` whatever its status, and `@lbx/core` maps statuses and
 * GraphQL error codes to its own `LbxError` subclasses.
 *
 * `instanceof` works across duplicate copies of a package (ESM + CJS, or two installed versions):
 * every instance carries a `Symbol.for` brand, and `instanceof` compares the declared
 * `errorName` of each class on the value's prototype chain instead of class identity.
 */
const BRAND = Symbol.for("lbx.error");

export class LbxError extends Error {
  /**
   * The name that identifies this class across package copies, and its `name`. Every subclass
   * declares its own (`static override readonly errorName = "MyError"`); names are unique across
   * `@lbx/*`. A subclass that declares none still works with `instanceof`, but only within one copy.
   */
  static readonly errorName: string = "LbxError";

  /** A stable, machine-readable reason, e.g. `NETWORK_ERROR`, `TIMEOUT`, `ABORTED`. */
  declare readonly code: string;
  declare readonly [BRAND]: true;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    // Bundlers rename classes when they minify (`constructor.name` may be "t"); a declared name survives.
    this.name = Object.hasOwn(new.target, "errorName") ? new.target.errorName : new.target.name;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * True when `value` is an lbx error built by this class or a subclass, in any copy of the
   * package: a class on its prototype chain is this class, or declares the same `errorName`.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const named = Object.hasOwn(this, "errorName");
    for (let proto = value; isLbxError(value) && (proto = Object.getPrototypeOf(proto)); ) {
      const ctor = (proto as { constructor: typeof LbxError }).constructor;
      if (ctor === this || (named && ctor.errorName === this.errorName)) return true;
    }
    return false;
  }
}

/** True for any error thrown by any copy of any `@lbx/*` package. */
export function isLbxError(value: unknown): value is LbxError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * No response arrived: DNS failure, connection refused or reset, a dropped connection, a TLS
 * error. Safe requests are retried; `cause` holds what the underlying `fetch` threw.
 *
 * @example
 * ```ts
 * try { await transport(request) } catch (e) { if (e instanceof NetworkError) console.log(e.cause) }
 * ```
 */
export class NetworkError extends LbxError {
  static override readonly errorName: string = "NetworkError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("NETWORK_ERROR", message, options);
  }
}

/**
 * A time limit ran out before response headers arrived. `scope` says which one: `"attempt"` (one
 * try took too long; retried when safe) or `"deadline"` (the whole call, retries and waits
 * included, ran out of time; never retried). A caller's own abort is never a `TimeoutError`.
 */
export class TimeoutError extends LbxError {
  static override readonly errorName: string = "TimeoutError";
  declare readonly scope: "attempt" | "deadline";
  /** The limit that ran out, in milliseconds. */
  declare readonly timeoutMs: number;
  constructor(scope: "attempt" | "deadline", timeoutMs: number) {
    super("TIMEOUT", `Timed out after ${timeoutMs} ms (${scope})`);
    this.scope = scope;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller's `AbortSignal` fired. `cause` is the signal's `reason` (a `DOMException` named
 * `AbortError` unless the caller passed its own). Never retried.
 */
export class AbortError extends LbxError {
  static override readonly errorName: string = "AbortError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("ABORTED", message, options);
  }
}
