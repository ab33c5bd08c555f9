// An Io for running the CLI in-process (help and usage checks that need no server or child process).
import { Readable, Writable } from "node:stream";
import { type Io, redactedStream } from "../../src/io.js";
import { Redactor, redactingOutput } from "../../src/output/redact.js";

export interface MemoryIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

export function memoryIo(env: Record<string, string | undefined> = {}): MemoryIo {
  const text = { out: "", err: "" };
  const sink = (key: "out" | "err") =>
    Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          text[key] += chunk.toString();
          done();
        },
      }),
      { isTTY: false, columns: 100 },
    );
  const redactor = new Redactor();
  const stdout = sink("out");
  const stderr = sink("err");
  return {
    // Redacted as processIo redacts them: stdout as data, stderr as diagnostics.
    stdout: redactingOutput({ write: (s: string) => stdout.write(s), isTTY: false, columns: 100 }, redactor, "data"),
    stderr: redactingOutput({ write: (s: string) => stderr.write(s), isTTY: false, columns: 100 }, redactor, "diagnostics"),
    stdin: Readable.from([]),
    env,
    cwd: process.cwd(),
    redactor,
    stderrStream: redactedStream(stderr, redactor, "diagnostics"),
    stdoutStream: redactedStream(stdout, redactor, "data"),
    out: () => text.out,
    err: () => text.err,
  };
}
