/**
 * Maps a task's results back to the caller's input. The server reports successes and failures in
 * no particular order and without input indexes (`user-needs.md` §1.1), so each result is matched
 * to a sent row by what identifies it: the global key when the row has one (unique per
 * organization, compared case-insensitively as the server does), otherwise external id plus row
 * data. Rows sent with the same identity are matched first-in, first-out; they are
 * indistinguishable on the wire, so any assignment between them is equally true.
 *
 * Nothing is dropped: a sent row with no result gets a `failed` outcome with code `NO_RESULT`,
 * and a result that matches no sent row is returned in `unmatched`.
 */

/** What identifies one sent row: its input index and the spec fields the server echoes back. */
export interface SentRow {
  readonly index: number;
  readonly globalKey?: string | null;
  readonly externalId?: string | null;
  readonly rowData?: string | null;
}

export interface ImportSuccess {
  readonly id: string;
  readonly globalKey?: string | null;
  readonly externalId?: string | null;
  readonly rowData?: string | null;
}

export interface ImportFailure {
  readonly message: string | null;
  readonly spec: { readonly globalKey?: string | null; readonly externalId?: string | null; readonly rowData?: string | null } | null;
}

export type MatchedOutcome =
  | { readonly index: number; readonly status: "succeeded"; readonly dataRowId: string }
  | { readonly index: number; readonly status: "failed"; readonly code: string; readonly message: string };

export interface MatchResult {
  /** One outcome per sent row, in input order. */
  readonly outcomes: MatchedOutcome[];
  /** Results the server returned that match no sent row (reported, never dropped). */
  readonly unmatched: Array<ImportSuccess | ImportFailure>;
}

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

export function matchResults(
  sent: readonly SentRow[],
  successes: Iterable<ImportSuccess>,
  failures: Iterable<ImportFailure>,
): MatchResult {
  const waiting = new Map<string, number[]>();
  for (const row of sent) {
    const key = identity(row);
    const queue = waiting.get(key);
    if (queue) queue.push(row.index);
    else waiting.set(key, [row.index]);
  }
  const byIndex = new Map<number, MatchedOutcome>();
  const unmatched: Array<ImportSuccess | ImportFailure> = [];
  const take = (key: string): number | undefined => waiting.get(key)?.shift();

  for (const success of successes) {
    const index = take(identity(success));
    if (index === undefined) unmatched.push(success);
    else byIndex.set(index, { index, status: "succeeded", dataRowId: success.id });
  }
  for (const failure of failures) {
    const index = failure.spec ? take(identity(failure.spec)) : undefined;
    if (index === undefined) {
      unmatched.push(failure);
      continue;
    }
    const message = failure.message ?? "the server reported a failure without a message";
    byIndex.set(index, { index, status: "failed", code: failureCode(message), message });
  }

  const outcomes = [...sent]
    .sort((a, b) => a.index - b.index)
    .map(
      (row): MatchedOutcome =>
        byIndex.get(row.index) ?? {
          index: row.index,
          status: "failed",
          code: "NO_RESULT",
          message: "the task finished without reporting this row as created or failed",
        },
    );
  return { outcomes, unmatched };
}
