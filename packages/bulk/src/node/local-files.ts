import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fileFromPath } from "@lbx/core/node";

/**
 * Row data that names a local file, relative to the input file's folder: `./images/cat.png`,
 * `../shared/cat.png`, a `file:` URL, or an absolute path to a file that exists. Anything else
 * (URLs, raw text) is left as it is.
 */
export function localPathOf(rowData: string, baseDir: string): string | undefined {
  if (rowData.startsWith("./") || rowData.startsWith("../") || rowData.startsWith(".\\") || rowData.startsWith("..\\")) return path.resolve(baseDir, rowData);
  if (rowData.startsWith("file:")) {
    try {
      return fileURLToPath(rowData);
    } catch {
      return undefined;
    }
  }
  if (path.isAbsolute(rowData) && !/[\n\r]/.test(rowData)) return rowData;
  return undefined;
}

/**
 * Replaces a local-path `rowData` with the file (a disk-backed `File`, streamed when uploaded).
 * Returns the row unchanged when its row data is not a local path, and an error message when it
 * names a file that cannot be read. An absolute path that does not exist is taken for text.
 */
export async function withLocalFile(row: unknown, baseDir: string): Promise<{ row: unknown } | { error: string }> {
  if (typeof row !== "object" || row === null) return { row };
  const rowData = (row as { rowData?: unknown }).rowData;
  if (typeof rowData !== "string") return { row };
  const file = localPathOf(rowData, baseDir);
  if (!file) return { row };
  if (path.isAbsolute(rowData) && !(await stat(file).then((s) => s.isFile(), () => false))) return { row };
  try {
    return { row: { ...(row as object), rowData: await fileFromPath(file) } };
  } catch (error) {
    return { error: `cannot read the local file ${JSON.stringify(rowData)} (${file}): ${(error as Error).message}` };
  }
}
