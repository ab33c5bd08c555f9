// An input that cannot be read to its end: bytes that are not UTF-8, CSV or JSON syntax that
// breaks partway. Unlike a bad row (a failure of that row alone), it stops the reading, so it is
// reported as a problem of the file: its name, and the line when the reader knows it.
import type { ImportSource } from "./source.js";

export interface InputProblem {
  /** The input as the user named it ("stdin" for -). */
  readonly file: string;
  /** 1-based line of the problem, when the reader tells it. */
  readonly line?: number;
  /** `FILE: what is wrong`, e.g. `rows.ndjson: line 7 is not valid UTF-8`. */
  readonly message: string;
  /** Rows read (and imported or checked) before the problem. */
  readonly rowsRead: number;
}

export function inputProblem(cause: unknown, source: Pick<ImportSource, "file" | "label">, rowsRead: number): InputProblem {
  let reason = cause instanceof Error ? cause.message : String(cause);
  // Some readers name the file themselves, by its absolute path: name it once, as the user did.
  if (reason.startsWith(`${source.file}: `)) reason = reason.slice(source.file.length + 2);
  const line = (cause as { line?: unknown } | null)?.line;
  return { file: source.label, ...(typeof line === "number" ? { line } : {}), message: `${source.label}: ${reason}`, rowsRead };
}
