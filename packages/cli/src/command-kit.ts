// Glue between commander and the commands: every action runs with a fresh CommandContext, its
// exit code is recorded, and the embedded emulator (if any) is stopped however the action ends.
import { type Command, InvalidArgumentError } from "commander";
import { CommandContext, type GlobalOptions } from "./context.js";
import type { ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

/** State shared by every command of one `lbx` invocation. */
export interface Runtime {
  readonly io: Io;
  /** Aborted on Ctrl-C; every library call receives it. */
  readonly signal: AbortSignal;
  exitCode: ExitCode;
  /** Whether the running command asked for --json (errors are then also reported as JSON). */
  json: boolean;
}

export type Handler<O> = (ctx: CommandContext, options: O, args: readonly unknown[]) => Promise<ExitCode | void>;

/** Wraps a command implementation as a commander action. */
export function action<O>(runtime: Runtime, handler: Handler<O>): (...all: unknown[]) => Promise<void> {
  return async (...all) => {
    const command = all[all.length - 1] as Command;
    const options = all[all.length - 2] as O;
    const args = all.slice(0, -2);
    const globals = command.optsWithGlobals<GlobalOptions>();
    runtime.json = globals.json === true;
    const ctx = new CommandContext(runtime.io, globals, runtime.signal);
    try {
      const code = await handler(ctx, options, args);
      if (code !== undefined) runtime.exitCode = code;
    } finally {
      await ctx.close();
    }
  };
}

/** Adds an "Examples:" section to a command's --help; every command has at least one. */
export function examples(command: Command, ...lines: string[]): Command {
  return command.addHelpText("after", `\nExamples:\n${lines.map((l) => (l.startsWith("#") ? `  ${l}` : `  $ ${l}`)).join("\n")}\n`);
}

/** Parses a positive integer option value (commander `argParser`). */
export function positiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer.`);
    return n;
  };
}
