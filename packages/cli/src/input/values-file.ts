// Lists of ids or global keys from a file or stdin: one value per line, blank lines and `#`
// comments skipped. A line may also be a JSON object (an `lbx export` line, a failures-file
// line), from which the id or global key is taken, so one command's output feeds the next.
import fs from "node:fs";
import readline from "node:readline";
import { usageError } from "../errors.js";

export type ValueKind = "id" | "globalKey";

const FIELDS: Readonly<Record<ValueKind, readonly string[]>> = {
  id: ["id", "dataRowId", "data_row.id"],
  globalKey: ["globalKey", "global_key", "data_row.global_key"],
};

/** Reads the values of `file` (`-` = stdin). Problems name the file and line. */
export async function readValues(file: string, kind: ValueKind, stdin: NodeJS.ReadableStream): Promise<string[]> {
  const input = file === "-" ? stdin : openOrFail(file);
  const name = file === "-" ? "stdin" : file;
  const values: string[] = [];
  let lineNumber = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    values.push(line.startsWith("{") ? fromJson(line, kind, `${name}:${lineNumber}`) : line);
  }
  return values;
}

function openOrFail(file: string): fs.ReadStream {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  return fs.createReadStream(file);
}

function fromJson(line: string, kind: ValueKind, where: string): string {
  let object: unknown;
  try {
    object = JSON.parse(line);
  } catch {
    throw usageError(`${where}: a line starting with "{" must be a JSON object`);
  }
  for (const field of FIELDS[kind]) {
    const value = field.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), object);
    if (typeof value === "string" && value !== "") return value;
  }
  throw usageError(`${where}: the JSON object has no ${FIELDS[kind].join(" / ")} field`);
}
