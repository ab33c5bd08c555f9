// Destructive commands ask first on a terminal. Elsewhere (scripts, CI) there is nobody to ask,
// so they refuse unless --yes says the caller meant it.
import readline from "node:readline";
import type { CommandContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { CliError, usageError } from "../errors.js";

/** Returns when the action may go ahead; throws when it may not. */
export async function confirm(ctx: CommandContext, question: string, yes: boolean): Promise<void> {
  if (yes) return;
  const { stdin, stderr } = ctx.io;
  if (!stdin.isTTY || !stderr.isTTY) {
    throw usageError(`${question.replace(/\?$/, "")}: not confirmed. Not on a terminal, so nobody can be asked; pass --yes to go ahead.`);
  }
  stderr.write(`${question} [y/N] `);
  const answer = await readLine(stdin, ctx.signal);
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("Cancelled; nothing was changed.", ExitCode.failure, "CANCELLED");
}

/** One line from a stream (the rest stays unread). */
export function readLine(input: NodeJS.ReadableStream, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input, terminal: false });
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      // Settle first: closing the interface emits "close", which must not win over the line.
      fn();
      signal.removeEventListener("abort", onAbort);
      rl.close();
      input.pause();
    };
    const onAbort = () => done(() => reject(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    rl.once("line", (line) => done(() => resolve(line)));
    rl.once("close", () => done(() => resolve("")));
  });
}
