// Every command documents itself with an example; unknown input is a usage error (exit 2).
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { Runtime } from "../src/command-kit.js";
import { ExitCode } from "../src/exit-codes.js";
import { processIo } from "../src/io.js";
import { runCli } from "../src/main.js";
import { buildProgram } from "../src/program.js";
import { memoryIo } from "./helpers/memory-io.js";
import { json, lbx, start } from "./helpers/run.js";

function allCommands(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => {
    const path = [...prefix, c.name()];
    return [path, ...allCommands(c, path)];
  });
}

const runtime: Runtime = { io: processIo(), signal: new AbortController().signal, exitCode: 0, json: false };
const commands = allCommands(buildProgram(runtime));

describe("lbx --help", () => {
  it("covers the whole command tree", () => {
    const names = commands.map((c) => c.join(" "));
    for (const expected of [
      "datasets create", "datasets list", "datasets get", "datasets delete",
      "data-rows import", "data-rows export", "data-rows get", "data-rows update", "data-rows delete",
      "import", "export",
      "global-keys assign", "global-keys lookup", "global-keys clear",
      "metadata schemas list", "metadata schemas create", "metadata schemas delete",
      "tasks get", "tasks wait", "emulator", "quickstart", "config set", "config show",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it("shows an example on every command", async () => {
    for (const path of [[], ...commands]) {
      const io = memoryIo();
      expect(await runCli([...path, "--help"], { io }), path.join(" ")).toBe(0);
      expect(io.out(), path.join(" ")).toMatch(/\nExamples:\n {2}\$ lbx /);
      expect(io.err(), path.join(" ")).toBe("");
    }
    // The same through the real bin.
    const r = await lbx(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Exit codes:");
    expect(r.stdout).toContain("Examples:");
  });

  it("lists every exit code in its Exit codes table", async () => {
    const io = memoryIo();
    expect(await runCli(["--help"], { io })).toBe(0);
    const table = io.out().slice(io.out().indexOf("Exit codes:"));
    for (const code of Object.values(ExitCode)) expect(table, `exit code ${code}`).toMatch(new RegExp(`^ {2}${code} +\\S`, "m"));
    expect(table).toMatch(/^ {2}141 +the reader of the output went away \(broken pipe/m);
  });

  it("treats unknown commands and options, and a bare command group, as usage errors (exit 2)", async () => {
    const unknown = await lbx(["datasets", "lst"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'lst'");
    expect(unknown.stderr).toContain("Did you mean list?");
    const option = await lbx(["datasets", "list", "--bogus", "--json"]);
    expect(option.code).toBe(2);
    expect(json(option)).toEqual({ error: { code: "USAGE", message: "unknown option '--bogus'", exitCode: 2 } });
    const bare = await lbx(["datasets"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("Usage: lbx datasets");
    expect((await lbx([])).code).toBe(2);
  });

  it("stops quietly when the reader of its output goes away (lbx ... | head)", async () => {
    const child = start(["data-rows", "import", "--help"]);
    // Close the read end before lbx has started (as a reader that exits at once would): its
    // first write meets a broken pipe.
    child.stdout!.destroy();
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(141);
  });

  it("prints the version", async () => {
    const r = await lbx(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("0.0.0-test");
  });
});
