/**
 * The root of every error lbx throws. `code` is stable across releases; `instanceof` works across
 * duplicate copies of the package (ESM + CJS, or two installed versions) because it checks a brand
 * registered with `Symbol.for`, not the class identity.
 */
const BRAND = Symbol.for("lbx.error");

export class LbxError extends Error {
  /** A stable, machine-readable reason, e.g. `NETWORK_ERROR`, `TIMEOUT`, `RATE_LIMITED`. */
  readonly code: string;
  readonly [BRAND] = true;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isLbxError(value)) return false;
    // For subclasses, fall back to the prototype chain so `e instanceof TimeoutError` stays precise.
    return this === LbxError || Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** True for any error thrown by any copy of any `@lbx/*` package. */
export function isLbxError(value: unknown): value is LbxError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
