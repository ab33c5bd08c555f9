import { describe, expect, it } from "vitest";
import { Bitset } from "../../src/bitset.js";
import { hash64, RollingHash } from "../../src/hash.js";
import { IdentityTable, identityHash } from "../../src/identity-table.js";
import { HashIndex, RecentKeys } from "../../src/key-set.js";

describe("hash64 and RollingHash", () => {
  it("is deterministic, spreads similar strings apart, and has no collisions among 200,000 keys", () => {
    expect(hash64("gk-1")).toEqual(hash64("gk-1"));
    expect(hash64("gk-1")).not.toEqual(hash64("gk-2"));
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const h = hash64(`key-${i}`);
      seen.add(`${h.hi}:${h.lo}`);
    }
    expect(seen.size).toBe(200_000);
  });

  it("a rolling fingerprint depends on every row and on their order, and survives printing", () => {
    const of = (rows: string[]) => {
      const r = new RollingHash();
      for (const row of rows) r.update(hash64(row));
      return r.toString();
    };
    expect(of(["a", "b"])).toBe(of(["a", "b"]));
    expect(of(["a", "b"])).not.toBe(of(["b", "a"]));
    expect(of(["a", "b"])).not.toBe(of(["a", "b", "c"]));
    expect(of(["a", "b"])).toMatch(/^[0-9a-f]{16}$/);
    const resumed = RollingHash.parse(of(["a", "b"]));
    resumed.update(hash64("c"));
    expect(resumed.toString()).toBe(of(["a", "b", "c"]));
    expect(() => RollingHash.parse("nope")).toThrow(RangeError);
  });
});

describe("HashIndex and RecentKeys", () => {
  it("a HashIndex remembers the first index of each hash, up to its size", () => {
    const index = new HashIndex(50_000);
    for (let i = 0; i < 50_000; i++) expect(index.claim(hash64(`k${i}`), i)).toBeUndefined();
    expect(index.size).toBe(50_000);
    expect(index.claim(hash64("k123"), 99_999)).toBe(123);
    expect(index.find(hash64("k49999"))).toBe(49_999);
    // Every hash survived the table doubling from 4,096 slots on the way.
    for (let i = 0; i < 50_000; i += 7) expect(index.find(hash64(`k${i}`))).toBe(i);
    expect(index.find(hash64("never claimed"))).toBeUndefined();
    expect(() => index.claim(hash64("one more"), 1)).toThrow(RangeError);
    const zero = new HashIndex(4);
    expect(zero.claim({ hi: 0, lo: 0 }, 7)).toBeUndefined(); // the value that marks empty slots is a key too
    expect(zero.claim({ hi: 0, lo: 0 }, 8)).toBe(7);
  });

  it("RecentKeys catches a repeat within one to two generations, in fixed memory", () => {
    const keys = new RecentKeys(1_000);
    for (let i = 0; i < 5_000; i++) expect(keys.claim(hash64(`key-${i}`), i)).toBeUndefined();
    // The last 1,000 keys are always remembered, and those of the generation before.
    expect(keys.claim(hash64("key-4999"), 9_000)).toBe(4_999);
    expect(keys.claim(hash64("key-4000"), 9_001)).toBe(4_000);
    // Older ones are left to the server.
    expect(keys.claim(hash64("key-10"), 9_002)).toBeUndefined();
  });
});

describe("Bitset", () => {
  it("round-trips through base64 and checks its size", () => {
    const bits = new Bitset(150_000);
    for (const i of [0, 7, 8, 149_999]) bits.set(i);
    const back = Bitset.fromBase64(bits.toBase64(), 150_000);
    expect([0, 1, 7, 8, 9, 149_999].map((i) => back.has(i))).toEqual([true, false, true, true, false, true]);
    expect(back.any()).toBe(true);
    expect(new Bitset(10).any()).toBe(false);
    expect(() => Bitset.fromBase64(bits.toBase64(), 10)).toThrow(RangeError);
  });
});

describe("IdentityTable", () => {
  it("maps results back to input indexes by global key (case-insensitive, sanitized) or external id + row data, equal ones first-in first-out", () => {
    const table = new IdentityTable();
    const rows = [
      { index: 10, globalKey: "Cat<1>" },
      { index: 11, externalId: "e", rowData: "https://x/a.jpg" },
      { index: 12, externalId: "e", rowData: "https://x/a.jpg" },
      { index: 13, globalKey: "dog" },
    ];
    for (let i = 0; i < 300; i++) table.add(100 + i, identityHash({ globalKey: `bulk-${i}` }));
    for (const r of rows) table.add(r.index, identityHash(r));
    const m = table.matcher();
    expect(m.take(identityHash({ globalKey: "cat_1_" }))).toBe(10);
    expect(m.take(identityHash({ externalId: "e", rowData: "https://x/a.jpg" }))).toBe(11);
    expect(m.take(identityHash({ externalId: "e", rowData: "https://x/a.jpg" }))).toBe(12);
    expect(m.take(identityHash({ externalId: "e", rowData: "https://x/a.jpg" }))).toBeUndefined();
    expect(m.take(identityHash({ globalKey: "BULK-250" }))).toBe(350);
    expect(m.take(identityHash({ globalKey: "nobody" }))).toBeUndefined();
    expect(m.remaining).toBe(300);
    expect(m.untaken()).toEqual([13, ...Array.from({ length: 300 }, (_, i) => 100 + i).filter((i) => i !== 350)]);
    expect(table.indexes()).toHaveLength(304);
  });
});
