import type { Middleware } from "./types.js";

/**
 * Chains middleware into one; the first one listed is the outermost (it sees the request first
 * and the response last). Arguments are not checked at run time (TypeScript checks them), which
 * keeps the browser bundle small.
 *
 * @example
 * ```ts
 * const transport = compose(retry(), timeout({ ms: 30_000 }))(fetchTransport());
 * ```
 */
export function compose(...middleware: Middleware[]): Middleware {
  return (transport) => middleware.reduceRight((next, wrap) => wrap(next), transport);
}
