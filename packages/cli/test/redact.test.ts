import { describe, expect, it } from "vitest";
import { Redactor, redactingOutput } from "../src/output/redact.js";

describe("Redactor", () => {
  it("removes every occurrence of a registered key", () => {
    const r = new Redactor();
    r.add("sk-live-0123456789abcdef");
    expect(r.redact("key sk-live-0123456789abcdef in url ?k=sk-live-0123456789abcdef")).toBe(
      "key [redacted] in url ?k=[redacted]",
    );
  });

  it("removes bearer tokens it was never told about", () => {
    expect(new Redactor().redact("authorization: Bearer abcdefghijklmnop")).toBe("authorization: Bearer [redacted]");
  });

  it("replaces only the registered secrets in data, and bearer tokens only in diagnostics", () => {
    const r = new Redactor();
    r.add("sk-live-0123456789abcdef");
    const text = "id Bearer abcdefghijklmnop, key sk-live-0123456789abcdef";
    expect(r.redactSecrets(text)).toBe("id Bearer abcdefghijklmnop, key [redacted]");
    expect(r.redact(text)).toBe("id Bearer [redacted], key [redacted]");
  });

  it("ignores empty and very short secrets instead of mangling text", () => {
    const r = new Redactor();
    r.add("");
    r.add(undefined);
    r.add("abc");
    expect(r.redact("abc abc")).toBe("abc abc");
  });
});

describe("redactingOutput", () => {
  it("redacts what it writes and reports the stream's terminal properties", () => {
    const written: string[] = [];
    const r = new Redactor();
    r.add("secret-key-value");
    const out = redactingOutput({ write: (s: string) => written.push(s), isTTY: true, columns: 120 }, r);
    out.write("error for secret-key-value\n");
    expect(written).toEqual(["error for [redacted]\n"]);
    expect(out.isTTY).toBe(true);
    expect(out.columns).toBe(120);
  });

  it("redacts a data output by exact secret only, a diagnostics output (the default) by pattern too", () => {
    const written: string[] = [];
    const r = new Redactor();
    r.add("secret-key-value");
    const sink = { write: (s: string) => written.push(s) };
    redactingOutput(sink, r, "data").write("row Bearer abcdefghijkl secret-key-value\n");
    redactingOutput(sink, r, "diagnostics").write("error Bearer abcdefghijkl secret-key-value\n");
    redactingOutput(sink, r).write("log Bearer abcdefghijkl\n");
    expect(written).toEqual(["row Bearer abcdefghijkl [redacted]\n", "error Bearer [redacted] [redacted]\n", "log Bearer [redacted]\n"]);
  });
});
