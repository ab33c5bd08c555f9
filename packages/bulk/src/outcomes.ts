/**
 * How a task's results are told apart and named. The server reports successes and failures in no
 * particular order and without input indexes (`user-needs.md` §1.1), so each result is matched to
 * a sent row by what identifies it: the global key when the row has one (unique per organization,
 * compared case-insensitively as the server does), otherwise external id plus row data. The
 * matching itself lives in `identity-table.ts`.
 */

/**
 * A global key as the server compares it: case-insensitively, and with the characters it
 * replaces by `_` on write (`"<>\{}|`, spec §9.2) already replaced, so a key it sanitized still
 * matches the row that sent it.
 */
export function normalizeGlobalKey(key: string): string {
  return key.toLowerCase().replace(/["<>\\{}|]/g, "_");
}

/** The text that identifies a row among the rows of one task (see the file comment). */
export function identity(row: { globalKey?: string | null; externalId?: string | null; rowData?: string | null }): string {
  if (row.globalKey) return `g\u0000${normalizeGlobalKey(row.globalKey)}`;
  return `r\u0000${row.externalId ?? ""}\u0000${row.rowData ?? ""}`;
}

/** A short stable code for a server failure message, so callers can branch without parsing text. */
export function failureCode(message: string): string {
  if (/duplicate global key/i.test(message)) return "DUPLICATE_GLOBAL_KEY";
  if (/global key/i.test(message)) return "INVALID_GLOBAL_KEY";
  if (/metadata/i.test(message)) return "INVALID_METADATA";
  if (/attachment/i.test(message)) return "INVALID_ATTACHMENT";
  if (/row.?data|media type|url/i.test(message)) return "INVALID_ROW_DATA";
  return "ROW_FAILED";
}
