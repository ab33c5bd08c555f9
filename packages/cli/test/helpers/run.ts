// Runs the bundled `lbx` as a child process, the way a user or a script does, and collects its
// output. Asynchronous on purpose: the emulator a test talks to runs in the test's own process.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Added to (and overriding) the base environment. `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly input?: string;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/** A fresh folder under the run's temporary folder (removed when the run ends). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(inject("lbxTmp"), prefix));
}

/** A private HOME and config path, so no test reads or writes the user's files. */
export function sandbox(): { home: string; env: { HOME: string; LBX_CONFIG: string; LBX_LOCAL_DATA: string } } {
  const home = tempDir("home-");
  return { home, env: { HOME: home, LBX_CONFIG: path.join(home, "config.json"), LBX_LOCAL_DATA: path.join(home, "local") } };
}

function environment(extra: RunOptions["env"]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env["PATH"], LANG: "C.UTF-8" };
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function lbxBin(): string {
  return inject("lbxBin");
}

/** Starts `lbx args...`; resolve its result with {@link collect}. */
export function start(args: readonly string[], options: RunOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [lbxBin(), ...args], { cwd: options.cwd ?? inject("lbxTmp"), env: environment(options.env), stdio: ["pipe", "pipe", "pipe"] });
  child.stdin!.end(options.input ?? "");
  return child;
}

export function collect(child: ChildProcess, timeoutMs = 60_000): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`lbx did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs `lbx args...` to completion. */
export function lbx(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return collect(start(args, options), options.timeoutMs);
}

/** Parses stdout as one JSON document, failing with the whole output when it is not. */
export function json<T = unknown>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
