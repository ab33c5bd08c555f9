// How a failure becomes a message and an exit code. Library errors carry a stable `code`
// (see @lbx/core's README); the CLI only decides which exit code each family gets.
import { isLbxError } from "@lbx/core";
import { ExitCode } from "./exit-codes.js";

/** A failure the CLI itself detected (bad flag combination, unreadable file, ...), with its exit code. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
    /** Stable machine-readable code for `--json` output. */
    readonly code: string = exitCode === ExitCode.usage ? "USAGE" : "FAILED",
  ) {
    super(message);
  }
}

/** A usage error: wrong or missing arguments, or an input file that cannot be used. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage, "USAGE");
}

const BY_CODE: Readonly<Record<string, ExitCode>> = {
  AUTHENTICATION_ERROR: ExitCode.auth,
  AUTHORIZATION_ERROR: ExitCode.auth,
  NOT_FOUND: ExitCode.notFound,
  VALIDATION_ERROR: ExitCode.usage,
  ABORTED: ExitCode.interrupted,
  // A checkpoint from another input or dataset: the user must pick --restart or the right input.
  CHECKPOINT_MISMATCH: ExitCode.usage,
  // An input file that breaks partway (lbx import reports it itself, with what was imported).
  INPUT_READ_FAILED: ExitCode.usage,
};

/** The exit code for anything a command threw. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (isLbxError(error)) return BY_CODE[error.code] ?? ExitCode.failure;
  return ExitCode.failure;
}

/** `{ code, message }` of anything a command threw, for humans (stderr) and `--json` (stdout). */
export function describeError(error: unknown): { code: string; message: string; details: string[] } {
  if (error instanceof CliError) return { code: error.code, message: error.message, details: [] };
  if (isLbxError(error)) {
    const details: string[] = [];
    const e = error as { taskId?: unknown; requestId?: unknown; operationName?: unknown; issues?: unknown };
    if (typeof e.taskId === "string") details.push(`task id: ${e.taskId}`);
    if (typeof e.operationName === "string") details.push(`operation: ${e.operationName}`);
    if (typeof e.requestId === "string") details.push(`request id: ${e.requestId}`);
    return { code: error.code, message: error.message, details };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : "INTERNAL", message: error.message, details: [] };
  }
  return { code: "INTERNAL", message: String(error), details: [] };
}
