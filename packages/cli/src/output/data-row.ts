// How a data row reads on a terminal.
import type { AttachmentRecord, DataRowRecord } from "@lbx/core";
import { type RecordLine, renderRecord } from "./record.js";
import type { Style } from "./style.js";

export function renderDataRow(row: DataRowRecord, attachments: readonly AttachmentRecord[] | undefined, style: Style): string {
  const lines: RecordLine[] = [
    ["id", row.id],
    ["global key", row.globalKey],
    ["external id", row.externalId],
    ["row data", row.rowData],
    ["media type", row.mediaAttributes && typeof row.mediaAttributes === "object" ? String((row.mediaAttributes as Record<string, unknown>)["mimeType"] ?? "") : ""],
    ["created", row.createdAt],
    ["updated", row.updatedAt],
  ];
  for (const field of row.metadataFields) lines.push([`metadata ${field.name}`, formatValue(field.value)]);
  for (const a of attachments ?? []) lines.push([`attachment ${a.type}`, `${a.name ? `${a.name}: ` : ""}${a.value}`]);
  return renderRecord(lines, style);
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
