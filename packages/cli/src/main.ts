// One `lbx` invocation: parse, run, and turn whatever happened into output and an exit code.
import { CommanderError } from "commander";
import type { Runtime } from "./command-kit.js";
import { ExitCode } from "./exit-codes.js";
import { describeError, exitCodeFor } from "./errors.js";
import { type Io, processIo } from "./io.js";
import { buildProgram } from "./program.js";
import { colorWanted, createStyle } from "./output/style.js";

export interface RunOptions {
  /** Streams, environment and working directory; default: the real process. */
  readonly io?: Io;
  /** Aborts the running command (the bin wires it to SIGINT and SIGTERM). */
  readonly signal?: AbortSignal;
}

/**
 * Runs `lbx` with the given arguments (without `node` and the script) and resolves with the exit
 * code. Never throws and never calls `process.exit`.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<ExitCode> {
  const io = options.io ?? processIo();
  // A key in the environment is a secret from the first byte on, even in a usage error.
  io.redactor.add(io.env["LABELBOX_API_KEY"]);
  const signal = options.signal ?? new AbortController().signal;
  const runtime: Runtime = { io, signal, exitCode: ExitCode.ok, json: argv.includes("--json") };
  const program = buildProgram(runtime);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return runtime.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.ok;
      // Commander already printed the problem (or the help of a command group run bare).
      if (runtime.json) writeJsonError(io, "USAGE", error.message.replace(/^error: /, ""), ExitCode.usage);
      return ExitCode.usage;
    }
    const code = signal.aborted ? ExitCode.interrupted : exitCodeFor(error);
    report(io, runtime, error, code, argv.includes("--no-color"));
    return code;
  }
}

function report(io: Io, runtime: Runtime, error: unknown, exitCode: ExitCode, noColor: boolean): void {
  const style = createStyle(colorWanted(io.stderr.isTTY, io.env, !noColor));
  const { code, message, details } = exitCode === ExitCode.interrupted ? { code: "INTERRUPTED", message: "Interrupted.", details: [] } : describeError(error);
  io.stderr.write(`${style.red("error:")} ${message}\n`);
  for (const line of details) io.stderr.write(`  ${style.dim(line)}\n`);
  if (exitCode === ExitCode.auth && code !== "NO_API_KEY") io.stderr.write("  Check LABELBOX_API_KEY, --api-key-file or `lbx config show`.\n");
  if (io.env["LBX_DEBUG"] && error instanceof Error && error.stack) io.stderr.write(`${style.dim(error.stack)}\n`);
  if (runtime.json) writeJsonError(io, code, message, exitCode);
}

/**
 * The `--json` error document. stdout is redacted as data (exact secrets only), but an error
 * message is a diagnostic (it may quote a server's or a proxy's text): redacted as one here.
 */
function writeJsonError(io: Io, code: string, message: string, exitCode: ExitCode): void {
  io.stdout.write(`${JSON.stringify({ error: { code, message: io.redactor.redact(message), exitCode } })}\n`);
}
