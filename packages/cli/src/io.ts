// What a command may touch of the outside world, gathered in one object so that every byte it
// prints goes through the Redactor and tests can run the CLI in-process with fake streams.
//
// Where each kind of output goes, and how it is redacted (see output/redact.ts):
// - stdout carries data: results, `--json` documents, exported rows, help. Only the exact secrets
//   are replaced there: a row whose text looks like a token is the user's data, printed as is.
// - stderr carries diagnostics: errors, warnings, status, progress, debug stack traces, emulator
//   logs. Secrets and anything shaped like a credential (`Bearer ...`) are replaced there.
// - An error reported on stdout (`--json`) is a diagnostic on a data stream: main.ts redacts its
//   message as a diagnostic before writing it.
import { type Output, type OutputKind, Redactor, redactingOutput, redactionFor } from "./output/redact.js";

/** The terminal streams, environment and working directory of one `lbx` run. */
export interface Io {
  /** Results and data: redacted by exact secret only, so data is printed byte for byte. */
  readonly stdout: Output;
  /** Diagnostics: redacted by exact secret and by pattern. */
  readonly stderr: Output;
  /** Input for `-` sources, prompts and confirmations. */
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Knows every secret this run learned; the outputs above already redact with it. */
  readonly redactor: Redactor;
  /**
   * Raw stderr for libraries that drive the terminal themselves (the progress bar): writes still
   * pass through the redactor; only cursor control is added on top.
   */
  readonly stderrStream: RedactedStream;
  /** Raw stdout, redacted as data, for streamed results that must respect backpressure (an export). */
  readonly stdoutStream: RedactedStream;
}

/** A writable shaped like a TTY stream, enough for `readline.cursorTo` and cli-progress. */
export interface RedactedStream {
  write(chunk: string, callback?: () => void): boolean;
  readonly isTTY: boolean;
  readonly columns: number;
  readonly rows: number;
  on(event: string, listener: (...args: unknown[]) => void): this;
  removeListener(event: string, listener: (...args: unknown[]) => void): this;
}

/** The real process: stdout, stderr, stdin, `process.env` and `process.cwd()`. */
export function processIo(redactor: Redactor = new Redactor()): Io {
  return {
    stdout: redactingOutput(process.stdout, redactor, "data"),
    stderr: redactingOutput(process.stderr, redactor, "diagnostics"),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    redactor,
    stderrStream: redactedStream(process.stderr, redactor, "diagnostics"),
    stdoutStream: redactedStream(process.stdout, redactor, "data"),
  };
}

/** Writes and waits for the stream to drain when its buffer is full (so a pipe's reader sets the pace). */
export function writeAll(stream: RedactedStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const onDrain = () => {
      stream.removeListener("drain", onDrain);
      resolve();
    };
    stream.on("drain", onDrain);
  });
}

/** Wraps a stream so that cli-progress can drive it while the redactor still sees every write. */
export function redactedStream(
  stream: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number }),
  redactor: Redactor,
  kind: OutputKind,
): RedactedStream {
  const redact = redactionFor(redactor, kind);
  const wrapper: RedactedStream = {
    write(chunk, callback) {
      return stream.write(redact(String(chunk)), callback ? () => callback() : undefined);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return (stream as { columns?: number }).columns || 80;
    },
    get rows() {
      return (stream as { rows?: number }).rows || 24;
    },
    on(event, listener) {
      stream.on(event, listener);
      return wrapper;
    },
    removeListener(event, listener) {
      stream.removeListener(event, listener);
      return wrapper;
    },
  };
  return wrapper;
}
