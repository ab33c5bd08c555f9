/**
 * 64-bit string hashes, as two independent 32-bit murmur3-style lanes. Used where holding the
 * strings themselves would make memory grow with the input: duplicate global keys across a
 * million-row import, the identity of the rows a task is carrying, and the fingerprint that
 * proves a resumed run reads the same input. Two different strings share a hash with
 * probability about n²/2^65 among n strings (≈ 3·10⁻⁸ for a million keys).
 */

/** A 64-bit hash as two unsigned 32-bit halves. */
export interface Hash64 {
  readonly hi: number;
  readonly lo: number;
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes the UTF-16 code units of `text`. */
export function hash64(text: string): Hash64 {
  let a = 0x9747b28c;
  let b = 0x2f4b6e31;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let k = Math.imul(text.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    a ^= k;
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    b ^= Math.imul(k, 0x27d4eb2f);
    b = (b << 17) | (b >>> 15);
    b = (Math.imul(b, 9) + 0x165667b1) | 0;
  }
  return { hi: fmix(a ^ n), lo: fmix((b ^ n) + 0x3c6ef372) };
}

/**
 * An order-sensitive running hash of a sequence of hashes: the fingerprint of "the rows read so
 * far". Printed as 16 hex digits for the checkpoint.
 */
export class RollingHash {
  constructor(
    private hi = 0x6a09e667,
    private lo = 0xbb67ae85,
  ) {}

  static parse(hex: string): RollingHash {
    if (!/^[0-9a-f]{16}$/.test(hex)) throw new RangeError(`not a fingerprint: ${JSON.stringify(hex)}`);
    return new RollingHash(Number.parseInt(hex.slice(0, 8), 16), Number.parseInt(hex.slice(8), 16));
  }

  update(h: Hash64): void {
    this.hi = fmix((Math.imul(this.hi, 31) ^ h.hi) + 0x9e3779b9);
    this.lo = fmix((Math.imul(this.lo, 37) ^ h.lo) + 0x7f4a7c15);
  }

  toString(): string {
    return this.hi.toString(16).padStart(8, "0") + this.lo.toString(16).padStart(8, "0");
  }
}
