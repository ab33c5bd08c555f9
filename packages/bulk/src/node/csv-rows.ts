import { UnreadableRow } from "../input.js";
import type { CsvRecord } from "./csv-parser.js";

/** What each CSV column holds. */
type Column =
  | { readonly kind: "field"; readonly field: "rowData" | "globalKey" | "externalId" | "mediaType" }
  | { readonly kind: "json"; readonly field: "metadataFields" | "attachments" }
  | { readonly kind: "metadata"; readonly name: string }
  | { readonly kind: "attachment"; readonly type: string; readonly name: string | undefined };

export interface CsvColumns {
  readonly columns: readonly Column[];
}

const FIELDS: Readonly<Record<string, Column>> = {
  rowdata: { kind: "field", field: "rowData" },
  row_data: { kind: "field", field: "rowData" },
  globalkey: { kind: "field", field: "globalKey" },
  global_key: { kind: "field", field: "globalKey" },
  externalid: { kind: "field", field: "externalId" },
  external_id: { kind: "field", field: "externalId" },
  mediatype: { kind: "field", field: "mediaType" },
  media_type: { kind: "field", field: "mediaType" },
  metadatafields: { kind: "json", field: "metadataFields" },
  metadata_fields: { kind: "json", field: "metadataFields" },
  attachments: { kind: "json", field: "attachments" },
};

/** Reads the header row. Throws, naming the column, on one it cannot place. */
export function csvColumns(header: readonly string[], file: string): CsvColumns {
  const seen = new Map<string, number>();
  const columns = header.map((raw, i): Column => {
    const name = raw.trim();
    const where = `${file}: column ${i + 1} (${JSON.stringify(name)})`;
    const key = name.toLowerCase();
    if (seen.has(key)) throw new TypeError(`${where} repeats column ${seen.get(key)! + 1}`);
    seen.set(key, i);
    const known = FIELDS[key];
    if (known) return known;
    const metadata = /^metadata\.(.+)$/i.exec(name);
    if (metadata) return { kind: "metadata", name: metadata[1]! };
    const attachment = /^attachment\.([A-Za-z_]+)(?:\.(.+))?$/i.exec(name);
    if (attachment) return { kind: "attachment", type: attachment[1]!.toUpperCase(), name: attachment[2] };
    throw new TypeError(
      `${where} is not a data row field: use rowData, globalKey, externalId, mediaType, metadata.<field name>, attachment.<TYPE>[.<name>], metadataFields or attachments`,
    );
  });
  if (!columns.some((c) => c.kind === "field" && c.field === "rowData")) throw new TypeError(`${file}: the header has no rowData column`);
  return { columns };
}

/** One CSV record as a data row; empty cells are left out. */
export function rowFromCsv(record: CsvRecord, { columns }: CsvColumns): unknown {
  if (record.cells.length !== columns.length) {
    return new UnreadableRow(`has ${record.cells.length} cells, the header has ${columns.length}`, `line ${record.line}`);
  }
  const row: Record<string, unknown> = {};
  const metadata: Array<{ name: string; value: string }> = [];
  const attachments: Array<{ type: string; value: string; name?: string }> = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const cell = record.cells[i]!;
    if (cell === "") continue;
    switch (column.kind) {
      case "field":
        row[column.field] = cell;
        break;
      case "json":
        try {
          row[column.field] = JSON.parse(cell);
        } catch (error) {
          return new UnreadableRow(`the ${column.field} cell is not valid JSON: ${(error as Error).message}`, `line ${record.line}`);
        }
        break;
      case "metadata":
        metadata.push({ name: column.name, value: cell });
        break;
      case "attachment":
        attachments.push(column.name !== undefined ? { type: column.type, value: cell, name: column.name } : { type: column.type, value: cell });
        break;
    }
  }
  if (metadata.length) row["metadataFields"] = merge(row["metadataFields"], metadata);
  if (attachments.length) row["attachments"] = merge(row["attachments"], attachments);
  return row;
}

// Columns add to a JSON-array cell; a JSON cell that is not an array is left for validation to report.
function merge(cell: unknown, extra: unknown[]): unknown {
  if (cell === undefined) return extra;
  return Array.isArray(cell) ? [...cell, ...extra] : cell;
}
