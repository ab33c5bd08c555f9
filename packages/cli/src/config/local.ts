// `--local`: the command runs against an emulator started inside this process on a persistent
// data folder, so `lbx --local import ...` and a later `lbx --local export ...` see the same data
// with no server to start. The emulator is loaded only when asked for (it brings SQLite).
import os from "node:os";
import path from "node:path";
import type { RunningEmulator } from "@lbx/emulator";

type Env = Readonly<Record<string, string | undefined>>;

/** `--data`, else `LBX_LOCAL_DATA`, else `~/.lbx/local`. */
export function localDataDir(flag: string | undefined, env: Env, cwd: string): string {
  if (flag) return path.resolve(cwd, flag);
  if (env["LBX_LOCAL_DATA"]) return path.resolve(cwd, env["LBX_LOCAL_DATA"]);
  return path.join(env["HOME"] || os.homedir(), ".lbx", "local");
}

/** Starts the embedded emulator on a free 127.0.0.1 port, its state in `dataDir` (null = in memory). */
export async function startLocalEmulator(dataDir: string | null): Promise<RunningEmulator> {
  const { startEmulator, DEFAULT_API_KEY } = await import("@lbx/emulator");
  // The public development key: an embedded emulator is reachable only from this machine and
  // only while this command runs, and the key a user exported for the cloud must not be reused.
  return startEmulator({ port: 0, host: "127.0.0.1", apiKey: DEFAULT_API_KEY, ...(dataDir ? { dataDir } : {}) });
}
