// Rules of the classic import (`appendRowsToDataset`, descriptor file of items) that act on the
// batch as a whole. Organizations without "ADV" reject the whole batch when global keys repeat
// inside it or are already taken, and when a media type is unknown (spec §7.1); ADV organizations
// report those per row instead.
import type { Store } from "../db/store.js";
import type { Ontology } from "../metadata/ontology.js";
import { checkGlobalKey } from "../rules/global-keys.js";
import { mediaTypes } from "../rules/row-data.js";
import { describe } from "../tasks/failure-spec.js";

/** One entry of a result file's `errors` list. */
export interface ResultError {
  message: string;
  failedDataRows: unknown[];
}

/** A batch-level rejection: the task's `error` plus the rows it names. */
export interface BatchRejection {
  error: string | { message: string };
  errors: ResultError[];
}

/**
 * Returns why a non-ADV batch is rejected as a whole, or null when it may proceed row by row.
 * The rows it names are in the result file's camelCase shape (`failedRow`).
 */
export function rejectBatch(items: unknown[], store: Store, orgSeq: number, maxKeyLength: number, ontology: Ontology): BatchRejection | null {
  for (const item of items) {
    const mediaType = (item as { media_type?: unknown } | null)?.media_type;
    if (mediaType !== undefined && mediaType !== null && (typeof mediaType !== "string" || !mediaTypes.includes(mediaType))) {
      return { error: { message: `Found invalid media type: '${String(mediaType)}'` }, errors: [] };
    }
  }
  const byKey = new Map<string, unknown[]>();
  let empty = false;
  for (const item of items) {
    const key = (item as { global_key?: unknown } | null)?.global_key;
    if (key === undefined || key === null) continue;
    if (key === "") empty = true;
    const check = checkGlobalKey(key, maxKeyLength);
    const norm = check.ok ? check.normalized : String(key).toLowerCase();
    byKey.set(norm, [...(byKey.get(norm) ?? []), item]);
  }
  const repeated = [...byKey.values()].filter((list) => list.length > 1).flat();
  if (empty || repeated.length) {
    return {
      error: empty ? "Data rows contain empty string or duplicate global keys, which are not allowed" : "Data rows contain duplicate global keys",
      errors: [{ message: "Duplicate global key", failedDataRows: repeated.map((item) => failedRow(item, ontology)) }],
    };
  }
  const taken: string[] = [];
  const takenItems: unknown[] = [];
  for (const [norm, list] of byKey) {
    if (store.rows.seqByGlobalKey(orgSeq, norm) !== undefined) {
      taken.push(String((list[0] as { global_key: unknown }).global_key));
      takenItems.push(...list);
    }
  }
  if (taken.length) return keysTaken(taken, takenItems, ontology);
  return null;
}

/** The rejection of a non-ADV batch whose global keys `taken` already exist (`items` carry them). */
export function keysTaken(taken: string[], items: unknown[], ontology: Ontology): BatchRejection {
  return { error: `Duplicate global keys found: ${taken.join(", ")}`, errors: [{ message: "Duplicate global key", failedDataRows: items.map((item) => failedRow(item, ontology)) }] };
}

/** A row-level failure as a result-file error entry (the shape of the SDK's recorded snapshots). */
export function rowError(message: string, item: unknown, ontology: Ontology): ResultError {
  return { message, failedDataRows: [failedRow(item, ontology)] };
}

/** A descriptor item as a result file's `failedDataRows` report it (camelCase, spec §7.1). */
function failedRow(item: unknown, ontology: Ontology): unknown {
  const spec = describe(item, ontology);
  return { externalId: spec.externalId, globalKey: spec.globalKey, rowData: spec.rowData, attachmentInputs: spec.attachments, metadataFields: spec.metadata };
}
