// Runs the built `lbx-emulator` bin in a child process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const binPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");

export interface BinProcess {
  child: ChildProcess;
  /** The first line printed on stdout. */
  firstLine: Promise<string>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  stderr: () => string;
}

export function runBin(args: string[], env: Record<string, string> = {}): BinProcess {
  const child = spawn(process.execPath, [binPath, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once("exit", (code) => reject(new Error(`exited (${code}) before printing a line: ${err}`)));
  });
  firstLine.catch(() => undefined);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return { child, firstLine, exited, stderr: () => err };
}

/** Starts the bin with --json and returns its URL and key. */
export async function startBin(args: string[], env: Record<string, string> = {}): Promise<BinProcess & { url: string; apiKey: string }> {
  const p = runBin(["--json", ...args], env);
  const { url, apiKey } = JSON.parse(await p.firstLine) as { url: string; apiKey: string };
  return { ...p, url, apiKey };
}
