import type { Hash64 } from "./hash.js";

/**
 * A map from 64-bit hashes to the input index that first had them, in three typed arrays (open
 * addressing, linear probing): 24 bytes a slot, no strings held. It starts small and doubles as
 * it fills, up to room for `keys` hashes: a 100,000-row import touches 3 MB instead of 6, and
 * does not pay at its start for zeroing and faulting in a table it will never fill (~40 ms,
 * profiled, while the server waited for the first rows).
 */
export class HashIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private first: Uint32Array;
  private count = 0;
  /** The table size for `keys` hashes (twice as many slots, to stay fast). */
  private readonly maxSlots: number;

  /** Holds up to `keys` hashes. */
  constructor(readonly keys: number) {
    let slots = 16;
    while (slots < keys * 2) slots *= 2;
    this.maxSlots = slots;
    const start = Math.min(slots, 4096);
    this.hi = new Uint32Array(start);
    this.lo = new Uint32Array(start);
    this.first = new Uint32Array(start);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.keys;
  }

  /** The index recorded for the hash, or undefined. */
  find(hash: Hash64): number | undefined {
    const slot = this.slotOf(hash);
    return this.hi[slot] === 0 && this.lo[slot] === 0 ? undefined : this.first[slot];
  }

  /** Records the hash with `index` unless present; returns the index recorded before, if any. */
  claim(hash: Hash64, index: number): number | undefined {
    const slot = this.slotOf(hash);
    if (this.hi[slot] !== 0 || this.lo[slot] !== 0) return this.first[slot];
    if (this.full) throw new RangeError("HashIndex is full");
    const [hi, lo] = stored(hash);
    // Kept at most half full: double before this hash would pass that.
    if ((this.count + 1) * 2 > this.hi.length && this.hi.length < this.maxSlots) {
      this.grow();
      return this.claim(hash, index);
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.first[slot] = index;
    this.count += 1;
    return undefined;
  }

  clear(): void {
    this.hi.fill(0);
    this.lo.fill(0);
    this.count = 0;
  }

  /** Moves every hash into a table twice the size. */
  private grow(): void {
    const { hi, lo, first } = this;
    const slots = hi.length * 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.first = new Uint32Array(slots);
    const mask = slots - 1;
    for (let i = 0; i < hi.length; i++) {
      const h = hi[i]!;
      const l = lo[i]!;
      if (h === 0 && l === 0) continue;
      let slot = (l ^ Math.imul(h, 0x9e3779b1)) & mask;
      while (this.hi[slot] !== 0 || this.lo[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = h;
      this.lo[slot] = l;
      this.first[slot] = first[i]!;
    }
  }

  /** The slot holding the hash, or the empty slot where it would go. */
  private slotOf(hash: Hash64): number {
    const [hi, lo] = stored(hash);
    const mask = this.hi.length - 1;
    // The same slot formula as grow().
    for (let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const h = this.hi[slot]!;
      const l = this.lo[slot]!;
      if ((h === 0 && l === 0) || (h === hi && l === lo)) return slot;
    }
  }
}

// (0, 0) marks an empty slot, so that one hash value is stored as (0, 1).
function stored(hash: Hash64): [number, number] {
  const hi = hash.hi >>> 0;
  return [hi, hi === 0 && hash.lo === 0 ? 1 : hash.lo >>> 0];
}

/** Keys one generation of {@link RecentKeys} holds. */
export const KEYS_PER_GENERATION = 262_144;

/**
 * The global keys of the last 262,144 to 524,288 rows that had one, with the input index of each:
 * two generations of a {@link HashIndex}; when the current one fills up, the older one is
 * emptied and becomes current. Memory is bounded (at most 12 MB, grown as keys come) whatever the
 * input's size, so a repeated key is caught locally when the two rows are that close; farther
 * apart, the server decides (see the README). Deterministic: it depends only on the input.
 */
export class RecentKeys {
  private current: HashIndex | undefined;
  private previous: HashIndex | undefined;

  constructor(private readonly perGeneration = KEYS_PER_GENERATION) {}

  /** Records the key's hash at `index` and returns undefined, or returns the earlier index it was seen at. */
  claim(hash: Hash64, index: number): number | undefined {
    const older = this.previous?.find(hash);
    if (older !== undefined) return older;
    let current = (this.current ??= new HashIndex(this.perGeneration));
    if (current.full) {
      const earlier = current.find(hash);
      if (earlier !== undefined) return earlier;
      const recycled = this.previous ?? new HashIndex(this.perGeneration);
      recycled.clear();
      this.previous = current;
      this.current = current = recycled;
    }
    return current.claim(hash, index);
  }
}
