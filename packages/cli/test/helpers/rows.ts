// Input files for import tests.
import fs from "node:fs";
import path from "node:path";

/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

export interface RowSpec {
  rowData: string;
  globalKey?: string;
  externalId?: string;
  metadataFields?: { name: string; value: unknown }[];
  attachments?: { type: string; value: string; name?: string }[];
}

/** Rows `prefix-0000`... with URL row data, a tag and a split. */
export function urlRows(prefix: string, n: number): RowSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    rowData: `https://example.com/${prefix}/${i}.jpg`,
    globalKey: `${prefix}-${String(i).padStart(4, "0")}`,
    externalId: `${prefix}-${i}.jpg`,
    metadataFields: [
      { name: "tag", value: `t${i % 3}` },
      { name: "split", value: ["train", "valid", "test"][i % 3]! },
    ],
    attachments: [{ type: "RAW_TEXT", value: `row ${i}`, name: "note" }],
  }));
}

export function writeNdjson(file: string, rows: readonly (object | string)[]): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n");
  return file;
}

export function readNdjson<T = Record<string, unknown>>(file: string): T[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}
