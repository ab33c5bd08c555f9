// `lbx global-keys assign FILE`: pairs of data row id and global key, as JSON lines
// ({"dataRowId": "...", "globalKey": "..."}) or as CSV / TSV with a header naming both columns.
import fs from "node:fs";
import readline from "node:readline";
import type { GlobalKeyAssignment } from "@lbx/core";
import { usageError } from "../errors.js";

/** Reads assignments; every bad line is reported at once, with its line number. */
export async function readAssignments(file: string, stdin: NodeJS.ReadableStream): Promise<GlobalKeyAssignment[]> {
  const name = file === "-" ? "stdin" : file;
  if (file !== "-") {
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch (error) {
      throw usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  const input = file === "-" ? stdin : fs.createReadStream(file);
  const out: GlobalKeyAssignment[] = [];
  const problems: string[] = [];
  let header: { separator: string; id: number; key: number } | undefined;
  let lineNumber = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const where = `${name}:${lineNumber}`;
    if (line.startsWith("{")) {
      let object: Record<string, unknown>;
      try {
        object = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`${where}: not valid JSON`);
        continue;
      }
      const dataRowId = object["dataRowId"] ?? object["id"];
      const globalKey = object["globalKey"];
      if (typeof dataRowId !== "string" || typeof globalKey !== "string") problems.push(`${where}: needs string fields dataRowId and globalKey`);
      else out.push({ dataRowId, globalKey });
      continue;
    }
    const separator = line.includes("\t") ? "\t" : ",";
    const cells = line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
    if (!header) {
      const id = cells.findIndex((c) => /^(dataRowId|data_row_id|id)$/i.test(c));
      const key = cells.findIndex((c) => /^(globalKey|global_key)$/i.test(c));
      if (id < 0 || key < 0) {
        problems.push(`${where}: a CSV file needs a header line naming the columns dataRowId and globalKey`);
        break;
      }
      header = { separator, id, key };
      continue;
    }
    const dataRowId = cells[header.id];
    const globalKey = cells[header.key];
    if (!dataRowId || !globalKey) problems.push(`${where}: needs a dataRowId and a globalKey`);
    else out.push({ dataRowId, globalKey });
  }
  if (problems.length > 0) throw usageError(`${name} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n  - ${problems.slice(0, 50).join("\n  - ")}${problems.length > 50 ? `\n  ... and ${problems.length - 50} more` : ""}`);
  if (out.length === 0) throw usageError(`${name} holds no assignments`);
  return out;
}
