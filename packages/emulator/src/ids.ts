// Identifiers in Labelbox's shape: 25 characters, `c` followed by 24 of [a-z0-9] (cuid-like).
// Metadata schema ids MUST be exactly 25 characters: the Python SDK's pydantic model rejects
// anything else, so every id the emulator hands out has that shape.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random cuid-shaped id: `c` + 24 random base-36 characters. */
export function newId(): string {
  const bytes = randomBytes(24);
  let id = "c";
  // 252 is the largest multiple of 36 below 256; re-drawing above it would remove a bias too
  // small to matter for ids, so the modulo is kept for speed.
  for (const byte of bytes) id += ALPHABET[byte % 36];
  return id;
}

/** True if `value` has the shape of an id the emulator hands out. */
export function isIdShaped(value: string): boolean {
  return /^c[0-9a-z]{24}$/.test(value);
}

/** What a sequence-derived id names; part of its checksum so kinds never alias. */
export type SeqIdKind = "row" | "attachment";

/**
 * Ids derived from integer keys, for the two high-volume kinds: data rows (their SQLite key) and
 * attachments (row key * 65536 + the attachment's number on its row, see db/attachments.ts).
 *
 * A random text id with a unique index costs a random B-tree insert per row, which more than
 * halves bulk-ingest throughput (measured: 31k vs 100k+ rows/s). So a row's public id is
 * `c` + its sequence number in base 36 (12 chars) + a 12-char keyed checksum. The checksum ties
 * the id to this store (its salt is a per-database secret) and to the kind, so a guessed or
 * mistyped id is rejected instead of resolving to some other row.
 */
export class SeqIds {
  private readonly seeds: Record<SeqIdKind, [number, number]>;

  constructor(salt: string) {
    this.seeds = {
      row: [hash32(`${salt}:row:a`, 0x811c9dc5), hash32(`${salt}:row:b`, 0x01000193)],
      attachment: [hash32(`${salt}:att:a`, 0x811c9dc5), hash32(`${salt}:att:b`, 0x01000193)],
    };
  }

  /** The public id of sequence number `seq` of kind `kind`. */
  encode(kind: SeqIdKind, seq: number): string {
    const digits = seq.toString(36);
    const [a, b] = this.seeds[kind];
    return `c${"000000000000".slice(digits.length)}${digits}${tag(hash32(digits, a))}${tag(hash32(digits, b))}`;
  }

  /** The sequence number behind `id`, or null if it is not a valid id of this kind and store. */
  decode(kind: SeqIdKind, id: string): number | null {
    if (typeof id !== "string" || id.length !== 25 || id.charCodeAt(0) !== 99 /* c */) return null;
    const seq = Number.parseInt(id.slice(1, 13), 36);
    if (!Number.isSafeInteger(seq) || seq <= 0) return null;
    return this.encode(kind, seq) === id ? seq : null;
  }
}

/** FNV-1a style 32-bit hash with a seed; fast enough to run once per ingested row. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** 6 base-36 characters from the low 31 bits (36^6 > 2^31, so nothing is lost). */
function tag(h: number): string {
  const s = (h & 0x7fffffff).toString(36);
  return "000000".slice(s.length) + s;
}
