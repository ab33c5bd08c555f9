import { LabelboxError } from "../errors/classes.js";

/**
 * A lazily fetched list: `for await (const x of list)` walks every item, page by page; nothing
 * is requested until iteration starts, and every iteration starts over from the first page.
 */
export interface Paginated<T> extends AsyncIterable<T> {
  /** The raw pages, for callers that process a page at a time. */
  pages(): AsyncIterable<readonly T[]>;
  /** The first item, from one small request; undefined when the list is empty (Python `get_one()`). */
  first(): Promise<T | undefined>;
  /** Up to `limit` items (all by default) in an array (Python `get_many(n)`). */
  toArray(options?: { readonly limit?: number }): Promise<T[]>;
}

/** Builds a {@link Paginated} from a page source; `pageSize` is a hint that `first()` sets to 1. */
export function paginated<T>(pages: (pageSize?: number) => AsyncIterable<readonly T[]>): Paginated<T> {
  return {
    pages: () => pages(),
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
    async first() {
      for await (const page of pages(1)) return page[0];
      return undefined;
    },
    async toArray(options = {}) {
      const limit = options.limit ?? Number.POSITIVE_INFINITY;
      const out: T[] = [];
      if (limit <= 0) return out;
      for await (const page of pages()) {
        for (const item of page) {
          out.push(item);
          if (out.length >= limit) return out;
        }
      }
      return out;
    },
  };
}

/**
 * Remembers every cursor a listing has used and throws if the server hands one back again: a
 * cursor that does not advance would otherwise loop forever, yielding the same rows.
 */
export function cursorGuard(operationName: string): (next: string) => void {
  const seen = new Set<string>();
  return (next) => {
    if (seen.has(next)) {
      throw new LabelboxError("PAGINATION_STALLED", `The server returned cursor ${JSON.stringify(next)} twice; stopping to avoid an endless loop`, {
        operationName,
      });
    }
    seen.add(next);
  };
}
