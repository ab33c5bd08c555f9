// What a person at a terminal sees, under a real pseudo-terminal (util-linux `script`): the
// progress bar, colours (and NO_COLOR), the delete confirmation; and what a CI log sees instead.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { urlRows, writeNdjson } from "./helpers/rows.js";
import { json, lbx, lbxBin } from "./helpers/run.js";

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs lbx under a pseudo-terminal; stdout and stderr both arrive in the returned text. */
function underPty(args: string[], env: Record<string, string | undefined>, cwd: string, input = ""): Promise<{ code: number | null; text: string }> {
  const command = [process.execPath, lbxBin(), ...args].map(quote).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd, env: { PATH: process.env["PATH"], TERM: "xterm", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let text = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (text += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (text += d));
  // Answer prompts a moment after start, as a person would.
  setTimeout(() => child.stdin.end(input), 800);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, text })));
}

let server: TestServer;
let work: string;
beforeAll(async () => {
  // Slow enough tasks that the import takes a few seconds and the display updates several times.
  server = await startTestServer({ taskBatchSize: 25, taskBatchDelayMs: 120 });
  work = path.join(server.home, "work");
  writeNdjson(path.join(work, "rows.ndjson"), urlRows("pty", 400));
  writeNdjson(path.join(work, "plain.ndjson"), urlRows("plain", 400));
});
afterAll(() => server.emulator.close());

describe.skipIf(!hasScript)("on a terminal", () => {
  it("shows a progress bar with rows per second and time left, then the summary", async () => {
    const r = await underPty(["import", "rows.ndjson", "--dataset", "Pty", "--create", "--rows-per-task", "100", "--concurrency", "1"], server.env, work);
    expect(r.code).toBe(0);
    const frames = r.text.split("\x1b[1G").filter((f) => f.startsWith("importing "));
    expect(frames.length).toBeGreaterThan(2);
    expect(r.text).toMatch(/importing =+-* \d[\d,]*\/400 rows \| [\d,]+ rows\/s \| ETA [\d.]+ s/);
    expect(r.text).toContain("\x1b[?25l"); // the cursor is hidden while the bar runs...
    expect(r.text).toContain("\x1b[?25h"); // ...and shown again
    expect(r.text).toContain("Imported 400 of 400 rows into Pty");
  });

  it("uses colour, unless NO_COLOR is set", async () => {
    const colour = await underPty(["datasets", "list"], server.env, work);
    expect(colour.text).toContain("\x1b[1mID");
    const plain = await underPty(["datasets", "list"], { ...server.env, NO_COLOR: "1" }, work);
    expect(plain.text).toMatch(/^ID\s+NAME/m);
    expect(plain.text).not.toContain("\x1b[1m");
  });

  it("asks before deleting, and does nothing unless the answer is yes", async () => {
    const created = json<{ id: string }>(await lbx(["datasets", "create", "Doomed", "--json"], { env: server.env }));
    const no = await underPty(["datasets", "delete", created.id], server.env, work, "n\n");
    expect(no.text).toContain(`Delete dataset Doomed (${created.id}) and its 0 data rows? [y/N]`);
    expect(no.code).toBe(1);
    expect((await lbx(["datasets", "get", created.id], { env: server.env })).code).toBe(0);
    const yes = await underPty(["datasets", "delete", created.id], server.env, work, "y\n");
    expect(yes.code).toBe(0);
    expect((await lbx(["datasets", "get", created.id], { env: server.env })).code).toBe(5);
  });
});

describe("not on a terminal", () => {
  it("prints plain progress lines on stderr, no control codes, and keeps stdout for the result", async () => {
    const r = await lbx(["import", "plain.ndjson", "--dataset", "Plain", "--create", "--rows-per-task", "100", "--concurrency", "1"], { env: { ...server.env, LBX_PROGRESS_INTERVAL: "300" }, cwd: work });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^importing: [\d,]+\/400 rows, [\d,]+ rows\/s/m);
    expect(r.stderr + r.stdout).not.toContain("\x1b");
    expect(r.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^Imported 400 of 400 rows into Plain/)]);
  });

  it("--quiet leaves only the result", async () => {
    const r = await lbx(["-q", "datasets", "create", "Quiet"], { env: server.env });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Quiet");
  });
});
