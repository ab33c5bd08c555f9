import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles the crash-test child from the TypeScript sources (no build of any package needed). */
export async function bundleChild(): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-bulk-child-"));
  const file = path.join(dir, "import-child.mjs");
  await esbuild.build({
    entryPoints: [path.join(here, "..", "fixtures", "import-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@lbx/source"],
    outfile: file,
    logLevel: "warning",
  });
  return { file, dir };
}

const running = new Set<ChildProcess>();

/** Kills children still running (a test that timed out must not leave one behind). */
export function killStrays(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

export interface ChildRun {
  /** Resolves with every JSON line the child printed, once it exits (killed or not). */
  readonly finished: Promise<{ lines: Array<Record<string, unknown>>; code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Runs the child; `killWhen` sees each checkpoint-save line and returns true to SIGKILL the child at once. */
export function runChild(file: string, args: string[], killWhen: (line: Record<string, unknown>) => boolean = () => false): ChildRun {
  const child = spawn(process.execPath, [file, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const lines: Array<Record<string, unknown>> = [];
  let stderr = "";
  let buffer = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if ("save" in line && killWhen(line)) child.kill("SIGKILL");
    }
  });
  const finished = new Promise<{ lines: Array<Record<string, unknown>>; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ lines, code, signal, stderr })),
  );
  return { finished };
}
