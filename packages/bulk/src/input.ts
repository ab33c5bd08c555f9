/**
 * Turning what callers pass into one async stream of rows, pulled one at a time: an array, any
 * iterable (a generator that builds rows lazily), or an async iterable (a file being read, a
 * database cursor). Nothing is read ahead beyond what the import is ready to take.
 */

/**
 * A row a reader could not turn into an object (a line that is not JSON, a CSV record with the
 * wrong number of cells). Readers yield it in the row's place so the import reports that row as
 * failed, with its index and this message, and goes on with the rest.
 */
export class UnreadableRow {
  constructor(
    /** Why, e.g. `not valid JSON: Unexpected token } in JSON at position 14`. */
    readonly message: string,
    /** Where in the source, e.g. `line 17`. */
    readonly location: string,
  ) {}
}

/** Iterates an iterable or async iterable as an async iterator. */
export function asyncIteratorOf<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  if (source !== null && typeof source === "object" && Symbol.asyncIterator in source) return (source as AsyncIterable<T>)[Symbol.asyncIterator]();
  if (source !== null && typeof source === "object" && Symbol.iterator in source) return (source as Iterable<T>)[Symbol.iterator]();
  throw new TypeError("rows must be an array, an iterable or an async iterable of data rows");
}
