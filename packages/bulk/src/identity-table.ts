import { type Hash64, hash64 } from "./hash.js";
import { identity } from "./outcomes.js";

/**
 * The rows one task carries, as (identity hash, input index) pairs in typed arrays: 12 bytes a
 * row, so the tasks in flight of a million-row import cost a few megabytes instead of holding
 * every row's key, external id and row data. When the task is done, `matcher()` maps each result
 * the server reports back to the input index that sent it (`identity` in outcomes.ts:
 * identity by global key, else external id + row data; equal identities first-in, first-out).
 */
export class IdentityTable {
  private hi = new Uint32Array(256);
  private lo = new Uint32Array(256);
  private index = new Uint32Array(256);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(inputIndex: number, hash: Hash64): void {
    if (this.count === this.index.length) {
      this.hi = grow(this.hi);
      this.lo = grow(this.lo);
      this.index = grow(this.index);
    }
    this.hi[this.count] = hash.hi;
    this.lo[this.count] = hash.lo;
    this.index[this.count] = inputIndex;
    this.count += 1;
  }

  /** Input indexes of every row, in the order they were added (input order). */
  indexes(): Uint32Array {
    return this.index.subarray(0, this.count);
  }

  matcher(): IdentityMatcher {
    return new IdentityMatcher(this.hi.subarray(0, this.count), this.lo.subarray(0, this.count), this.index.subarray(0, this.count));
  }
}

/** Hash of a result's or a row's identity. */
export function identityHash(row: { globalKey?: string | null; externalId?: string | null; rowData?: string | null }): Hash64 {
  return hash64(identity(row));
}

/**
 * What stands for the row data of a row without a global key whose row data the results do not
 * echo as it was sent, so that such a row is known by its external id alone: a local file (its
 * upload URL is different on every run, and unknown when a resumed run re-reads the row without
 * uploading it) or an object (the server reports the URL it points to or of the file it was
 * stored as, spec §2).
 */
export const ROW_DATA_NOT_ECHOED = "\u0000row data not echoed";

/** The input index a result belongs to (taken from the matcher), or undefined. */
export function takeResult(matcher: IdentityMatcher, result: { globalKey?: string | null; externalId?: string | null; rowData?: string | null }): number | undefined {
  const index = matcher.take(identityHash(result));
  if (index !== undefined || result.globalKey) return index;
  return matcher.take(identityHash({ externalId: result.externalId ?? null, rowData: ROW_DATA_NOT_ECHOED }));
}

/** Takes rows out of a frozen table by identity, each at most once. */
export class IdentityMatcher {
  private readonly order: Uint32Array;
  private readonly taken: Uint8Array;
  private left: number;

  constructor(
    private readonly hi: Uint32Array,
    private readonly lo: Uint32Array,
    private readonly index: Uint32Array,
  ) {
    // Sorted by (hash, input index): equal identities sit together, earliest input first.
    this.order = new Uint32Array(index.length);
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    this.order.sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || index[a]! - index[b]!);
    this.taken = new Uint8Array(index.length);
    this.left = index.length;
  }

  /** Rows not yet matched. */
  get remaining(): number {
    return this.left;
  }

  /** Input indexes of the rows not taken, in input order. */
  untaken(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.index.length; p++) if (!this.taken[p]) out.push(this.index[p]!);
    return out.sort((a, b) => a - b);
  }

  /** The earliest untaken input index with this identity, marked taken; undefined if none. */
  take(hash: Hash64): number | undefined {
    const { order, hi, lo } = this;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const p = order[mid]!;
      if (hi[p]! < hash.hi || (hi[p] === hash.hi && lo[p]! < hash.lo)) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < order.length; i++) {
      const p = order[i]!;
      if (hi[p] !== hash.hi || lo[p] !== hash.lo) return undefined;
      if (this.taken[p]) continue;
      this.taken[p] = 1;
      this.left -= 1;
      return this.index[p];
    }
    return undefined;
  }
}

function grow(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
