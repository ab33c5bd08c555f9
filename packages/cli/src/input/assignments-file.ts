// `lbx global-keys assign FILE`: pairs of data row id and global key, as JSON lines
// ({"dataRowId": "...", "globalKey": "..."}) or as CSV / TSV with a header naming both columns.
import fs from "node:fs";
import readline from "node:readline";
import { usageError } from "../errors.js";

/** One assignment, with the 1-based line of the file it is on. */
export interface AssignmentLine {
  readonly line: number;
  readonly dataRowId: string;
  readonly globalKey: string;
}

/** A line that holds no usable assignment (not JSON, a field missing). */
export interface AssignmentLineProblem {
  readonly line: number;
  readonly message: string;
}

export interface AssignmentsFile {
  /** The file as given, or "stdin": what messages call it. */
  readonly name: string;
  readonly assignments: AssignmentLine[];
  readonly problems: AssignmentLineProblem[];
}

/**
 * Reads assignments. A bad line is a problem of that line only (the other lines can still be
 * assigned); a file that cannot be understood at all (CSV without a header) is a usage error that
 * names every problem found so far, with its line.
 */
export async function readAssignments(file: string, stdin: NodeJS.ReadableStream): Promise<AssignmentsFile> {
  const name = file === "-" ? "stdin" : file;
  if (file !== "-") {
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch (error) {
      throw usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  const input = file === "-" ? stdin : fs.createReadStream(file);
  const assignments: AssignmentLine[] = [];
  const problems: AssignmentLineProblem[] = [];
  let header: { separator: string; id: number; key: number } | undefined;
  let line = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    const text = raw.trim();
    if (text === "" || text.startsWith("#")) continue;
    if (text.startsWith("{")) {
      let object: Record<string, unknown>;
      try {
        object = JSON.parse(text) as Record<string, unknown>;
      } catch {
        problems.push({ line, message: "not valid JSON" });
        continue;
      }
      const dataRowId = object["dataRowId"] ?? object["id"];
      const globalKey = object["globalKey"];
      if (typeof dataRowId !== "string" || typeof globalKey !== "string") problems.push({ line, message: "needs string fields dataRowId and globalKey" });
      else assignments.push({ line, dataRowId, globalKey });
      continue;
    }
    const separator = text.includes("\t") ? "\t" : ",";
    const cells = text.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
    if (!header) {
      const id = cells.findIndex((c) => /^(dataRowId|data_row_id|id)$/i.test(c));
      const key = cells.findIndex((c) => /^(globalKey|global_key)$/i.test(c));
      if (id < 0 || key < 0) {
        problems.push({ line, message: "a CSV file needs a header line naming the columns dataRowId and globalKey" });
        throw usageError(describeProblems(name, problems));
      }
      header = { separator, id, key };
      continue;
    }
    const dataRowId = cells[header.id];
    const globalKey = cells[header.key];
    if (!dataRowId || !globalKey) problems.push({ line, message: "needs a dataRowId and a globalKey" });
    else assignments.push({ line, dataRowId, globalKey });
  }
  if (assignments.length === 0 && problems.length === 0) throw usageError(`${name} holds no assignments`);
  return { name, assignments, problems };
}

function describeProblems(name: string, problems: readonly AssignmentLineProblem[]): string {
  const lines = problems.slice(0, 50).map((p) => `${name}:${p.line}: ${p.message}`);
  const more = problems.length > 50 ? `\n  ... and ${problems.length - 50} more` : "";
  return `${name} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n  - ${lines.join("\n  - ")}${more}`;
}
