// `lbx import --dry-run`: reads every row and reports every problem an import would hit, sending
// nothing: rows that cannot be read, rows that fail validation (the same checks @lbx/core runs
// before sending), metadata the organization's ontology does not accept, global keys repeated in
// the input, and (with --on-duplicate fail) keys that already belong to a data row.
import { type DuplicatePolicy, UnreadableRow } from "@lbx/bulk";
import { checkDataRowInput, type DataRowInput, getDataRowIdsForGlobalKeys, getMetadataOntology, type LbxClient, serializeMetadata, type ValidationIssue } from "@lbx/core";
import { withoutFailureInfo } from "./failures-file.js";
import { type InputProblem, inputProblem } from "./input-problem.js";
import type { ImportSource, OriginalRow } from "./source.js";

export interface Problem {
  /** 0-based input index. */
  readonly index: number;
  /** 1-based input line (NDJSON). */
  readonly line?: number;
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly ValidationIssue[];
}

export interface DryRunResult {
  readonly dryRun: true;
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  /** Rows whose global key already exists: skipped or updated by a real run, failed with `fail`. */
  readonly existingGlobalKeys: number;
  readonly problems: Problem[];
  /** The input could not be read to its end: the rows after this point were not checked. */
  readonly inputProblem?: InputProblem;
}

/** Keys looked up per request. */
const LOOKUP_BATCH = 1000;

export async function dryRun(client: LbxClient, source: ImportSource, onDuplicate: DuplicatePolicy, signal: AbortSignal): Promise<DryRunResult> {
  const ontology = await getMetadataOntology(client, { signal });
  const problems = new Map<number, Problem>();
  // Global keys (lower-cased, as the server compares them) with the first row that has each.
  const keys = new Map<string, { index: number; line: number | undefined; key: string }>();
  const add = (index: number, line: number | undefined, code: string, issues: ValidationIssue[]) => {
    const earlier = problems.get(index);
    const all = [...(earlier?.issues ?? []), ...issues];
    problems.set(index, {
      index,
      ...(line !== undefined ? { line } : {}),
      code: earlier?.code ?? code,
      message: all.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("; "),
      ...(all.length ? { issues: all } : {}),
    });
  };

  let index = 0;
  let unreadable: InputProblem | undefined;
  const rows = source.scan();
  for (;;) {
    let step: IteratorResult<OriginalRow>;
    try {
      step = await rows.next();
    } catch (error) {
      // The file breaks here (not UTF-8, broken syntax): report it, and what was read before.
      unreadable = inputProblem(error, source, index);
      break;
    }
    if (step.done) break;
    const { row: read, line } = step.value;
    const at = index++;
    const row = read instanceof UnreadableRow ? read : withoutFailureInfo(read);
    if (row instanceof UnreadableRow) {
      problems.set(at, { index: at, ...(line !== undefined ? { line } : {}), code: "UNREADABLE_ROW", message: `${row.location}: ${row.message}` });
      continue;
    }
    const issues: ValidationIssue[] = [];
    if (checkDataRowInput(row, "", issues) && (row as DataRowInput).metadataFields?.length) {
      serializeMetadata((row as DataRowInput).metadataFields!, ontology, "metadataFields", issues);
    }
    if (issues.length) add(at, line, "INVALID_ROW", issues);
    const key = (row as DataRowInput).globalKey;
    if (typeof key === "string" && key !== "") {
      const folded = key.toLowerCase();
      const first = keys.get(folded);
      if (first) add(at, line, "DUPLICATE_GLOBAL_KEY", [{ path: "globalKey", message: `${JSON.stringify(key)} is also the key of row ${first.index + 1} (keys are case-insensitive)` }]);
      else keys.set(folded, { index: at, line, key });
    }
  }

  // Keys that already belong to a data row in the organization.
  const firsts = [...keys.values()];
  let existing = 0;
  for (let i = 0; i < firsts.length; i += LOOKUP_BATCH) {
    const batch = firsts.slice(i, i + LOOKUP_BATCH);
    const found = await getDataRowIdsForGlobalKeys(client, batch.map((k) => k.key), { signal });
    batch.forEach((k, j) => {
      const id = found.results[j];
      if (!id) return;
      existing += 1;
      if (onDuplicate === "fail") add(k.index, k.line, "DUPLICATE_GLOBAL_KEY", [{ path: "globalKey", message: `${JSON.stringify(k.key)} already belongs to data row ${id} (use --on-duplicate skip or update)` }]);
    });
  }

  const sorted = [...problems.values()].sort((a, b) => a.index - b.index);
  return { dryRun: true, total: index, valid: index - sorted.length, invalid: sorted.length, existingGlobalKeys: existing, problems: sorted, ...(unreadable ? { inputProblem: unreadable } : {}) };
}
