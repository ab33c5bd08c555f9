// Pure pieces: tables, progress lines, colour rules, exit-code mapping, config file, value files.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { AuthenticationError, NotFoundError, ServerError, ValidationError } from "@lbx/core";
import { UnreadableRow } from "@lbx/bulk";
import { AbortError } from "@lbx/transport";
import { describe, expect, it } from "vitest";
import { readConfig, writeConfig } from "../src/config/config-file.js";
import { CliError, exitCodeFor } from "../src/errors.js";
import { FailuresFile, withoutFailureInfo } from "../src/import/failures-file.js";
import { readValues } from "../src/input/values-file.js";
import { duration } from "../src/output/format.js";
import { plainLine, plainProgress } from "../src/output/progress.js";
import { colorWanted, createStyle } from "../src/output/style.js";
import { renderTable } from "../src/output/table.js";
import { tempDir } from "./helpers/run.js";

const plain = createStyle(false);

describe("renderTable", () => {
  const rows = [
    { id: "a", name: "first\tname" },
    { id: "bb", name: "second" },
  ];
  const columns = [
    { header: "ID", value: (r: (typeof rows)[number]) => r.id },
    { header: "NAME", value: (r: (typeof rows)[number]) => r.name },
  ];

  it("aligns columns on a terminal and truncates to its width", () => {
    expect(renderTable(rows, columns, { tty: true, width: 80, style: plain })).toBe("ID  NAME\na   first name\nbb  second\n");
    const narrow = renderTable([{ id: "x".repeat(30), name: "y".repeat(30) }], columns, { tty: true, width: 30, style: plain });
    for (const line of narrow.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(30);
    expect(narrow).toContain("…");
  });

  it("writes tab-separated lines elsewhere, tabs inside values replaced", () => {
    expect(renderTable(rows, columns, { tty: false, width: 80, style: plain })).toBe("ID\tNAME\na\tfirst name\nbb\tsecond\n");
  });
});

describe("progress lines", () => {
  it("prints at most one line per interval, with rate, failures and time left", () => {
    let now = 0;
    const lines: string[] = [];
    const progress = plainProgress((l) => lines.push(l), { label: "importing", unit: "rows", total: 1000, plainIntervalMs: 2000, now: () => now });
    now = 1000;
    progress.update({ done: 100 });
    expect(lines).toEqual([]);
    now = 2000;
    progress.update({ done: 400, failed: 2 });
    expect(lines).toEqual(["importing: 400/1,000 rows (2 failed), 200 rows/s, about 3.0 s left"]);
    now = 2500;
    progress.update({ done: 500 });
    expect(lines).toHaveLength(1);
    progress.stop();
    now = 10_000;
    progress.update({ done: 1000 });
    expect(lines).toHaveLength(1);
  });

  it("uses the library's rate and estimate when given, and shows the phase", () => {
    const state = { done: 10, failed: 0, total: undefined, perSecond: 50, etaSeconds: undefined, phase: "waiting for tasks" };
    expect(plainLine("importing", "rows", state, 1)).toBe("importing: 10 rows, 50 rows/s [waiting for tasks]");
  });

  it("gives no time-left estimate from the first few rows", () => {
    const early = { done: 1, failed: 0, total: 1200, perSecond: undefined, etaSeconds: undefined, phase: undefined };
    expect(plainLine("importing", "rows", early, 2)).toBe("importing: 1/1,200 rows, 1 rows/s");
    expect(plainLine("importing", "rows", { ...early, done: 600 }, 2)).toBe("importing: 600/1,200 rows, 300 rows/s, about 2.0 s left");
  });

  it("formats durations", () => {
    expect(duration(0.84)).toBe("0.8 s");
    expect(duration(125)).toBe("2 min 05 s");
  });
});

describe("colour", () => {
  it("is on only for a terminal without NO_COLOR, TERM=dumb or --no-color", () => {
    expect(colorWanted(true, {}, true)).toBe(true);
    expect(colorWanted(false, {}, true)).toBe(false);
    expect(colorWanted(true, { NO_COLOR: "1" }, true)).toBe(false);
    expect(colorWanted(true, { NO_COLOR: "" }, true)).toBe(true);
    expect(colorWanted(true, { TERM: "dumb" }, true)).toBe(false);
    expect(colorWanted(true, {}, false)).toBe(false);
    expect(createStyle(true).red("x")).toBe("\x1b[31mx\x1b[39m");
  });
});

describe("exitCodeFor", () => {
  it("maps error families to the documented codes", () => {
    expect(exitCodeFor(new AuthenticationError("no"))).toBe(3);
    expect(exitCodeFor(new NotFoundError("no"))).toBe(5);
    expect(exitCodeFor(new ValidationError("no", []))).toBe(2);
    expect(exitCodeFor(new ServerError("no"))).toBe(1);
    expect(exitCodeFor(new AbortError("stop"))).toBe(130);
    expect(exitCodeFor(new CliError("x", 4))).toBe(4);
    expect(exitCodeFor(new Error("bug"))).toBe(1);
  });
});

describe("config file", () => {
  const dir = () => tempDir("unit-");

  it("is written with mode 0600 in a 0700 folder, atomically, and read back", () => {
    const file = path.join(dir(), "nested", "config.json");
    writeConfig(file, { apiKey: "k".repeat(16), endpoint: undefined });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["config.json"]);
    expect(readConfig(file, () => undefined)).toEqual({ apiKey: "k".repeat(16) });
  });

  it("warns about a file others can read, and rejects unknown fields without quoting values", () => {
    const file = path.join(dir(), "config.json");
    fs.writeFileSync(file, JSON.stringify({ apiKey: "secret-value-123456", extra: "secret-value-123456" }), { mode: 0o644 });
    const warnings: string[] = [];
    let message = "";
    try {
      readConfig(file, (w) => warnings.push(w));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(warnings[0]).toContain("chmod 600");
    expect(message).toContain("is invalid");
    expect(message).not.toContain("secret-value-123456");
  });
});

describe("readValues", () => {
  it("reads plain and JSON lines, skipping blanks and comments, and names the line of a bad one", async () => {
    const stdin = Readable.from(['# ids\nck1\n\n{"id":"ck2"}\n{"data_row":{"id":"ck3"}}\n']);
    expect(await readValues("-", "id", stdin)).toEqual(["ck1", "ck2", "ck3"]);
    const bad = Readable.from(['ck1\n{"globalKey":"x"}\n']);
    await expect(readValues("-", "id", bad)).rejects.toThrow("stdin:2: the JSON object has no id / dataRowId / data_row.id field");
  });
});

describe("FailuresFile", () => {
  const file = () => path.join(tempDir("unit-"), "f.ndjson");
  const failed = (index: number) => ({ index, status: "failed" as const, code: "X", message: `row ${index}` });
  const lines = (f: string) => fs.readFileSync(f, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

  it("writes the input line as written, with the reason; a non-JSON line as `input`", () => {
    const f = file();
    const out = new FailuresFile(f, undefined);
    out.write({ text: '{"rowData":"./a.png","globalKey":"k","lbxFailure":{"index":9}}', line: 3, row: { rowData: new Blob(["x"]) } }, failed(2), {
      rebase: (p) => `rebased:${p}`,
      ofFile: () => "unused",
    });
    out.write({ row: new UnreadableRow("not valid JSON", "line 4"), text: "{oops", line: 4 }, failed(3));
    out.close();
    expect(lines(f)).toEqual([
      { rowData: "rebased:./a.png", globalKey: "k", lbxFailure: { index: 2, code: "X", message: "row 2", line: 3 } },
      { lbxFailure: { index: 3, code: "X", message: "row 3", line: 4, input: "{oops", location: "line 4" } },
    ]);
    expect(out.count).toBe(2);
    expect(withoutFailureInfo(lines(f)[0])).toEqual({ rowData: "rebased:./a.png", globalKey: "k" });
  });

  it("on resume keeps the earlier run's failures below the checkpoint and drops the ones reported again", () => {
    const f = file();
    const first = new FailuresFile(f, undefined);
    for (const i of [1, 5, 8]) first.write({ row: { rowData: `https://x/${i}` } }, failed(i));
    first.close();
    const resumed = new FailuresFile(f, 6);
    expect(resumed.earlier).toBe(2);
    resumed.write({ row: { rowData: "https://x/8" } }, failed(8));
    resumed.close();
    expect(lines(f).map((l) => (l["lbxFailure"] as { index: number }).index)).toEqual([1, 5, 8]);
  });

  it("replaces an old file on a fresh run, and leaves none when nothing fails", () => {
    const f = file();
    fs.writeFileSync(f, "old\n");
    new FailuresFile(f, undefined).close();
    expect(fs.existsSync(f)).toBe(false);
  });
});
