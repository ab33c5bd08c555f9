// Watching a long-running child (the emulator, an import about to be killed) while it runs.
import type { ChildProcess } from "node:child_process";

export interface Watched {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the first match of `pattern` in stdout (or stderr), failing if the child exits first. */
  waitFor(pattern: RegExp, stream?: "stdout" | "stderr", timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves when the child has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function watch(child: ChildProcess): Watched {
  const text = { stdout: "", stderr: "" };
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    text.stdout += d;
    notify();
  });
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    text.stderr += d;
    notify();
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      done = true;
      notify();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    exited,
    waitFor(pattern, stream = "stdout", timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${pattern}\nstdout: ${text.stdout}\nstderr: ${text.stderr}`))), timeoutMs);
        const check = () => {
          const match = pattern.exec(text[stream]);
          if (match) finish(() => resolve(match));
          else if (done) finish(() => reject(new Error(`exited before ${pattern}\nstdout: ${text.stdout}\nstderr: ${text.stderr}`)));
        };
        const finish = (fn: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        listeners.add(check);
        check();
      });
    },
  };
}
