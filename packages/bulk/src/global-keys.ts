import {
  assignGlobalKeysToDataRows,
  checkGlobalKey,
  getDataRowIdsForGlobalKeys,
  GLOBAL_KEYS_PER_JOB,
  type LbxClient,
  type ValidationIssue,
} from "@lbx/core";
import { throwIfAborted } from "./abort.js";
import { normalizeGlobalKey } from "./outcomes.js";
import { batchFailure, checkBatchSize, isFatal, ranges } from "./per-row.js";
import { withRetry } from "./retry.js";

export interface GlobalKeyJobsOptions {
  readonly signal?: AbortSignal;
  /** Keys per server job. Default 1,000. */
  readonly batchSize?: number;
  /** Deadline of each job; past it a `TaskTimeoutError` carrying the job id is thrown. Default 60,000 (Python's 60 s). */
  readonly timeoutMs?: number;
  /** After each job, with how many inputs have an outcome. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Attempts per job, on top of the transport's retries. Default 8. */
  readonly retryAttempts?: number;
}

/** What happened to one assignment passed to {@link assignGlobalKeys}. */
export type AssignOutcome =
  | {
      readonly index: number;
      readonly dataRowId: string;
      /** The key as stored: the server replaces `"<>\{}|` with `_` (then `sanitized` is true). */
      readonly globalKey: string;
      readonly status: "assigned";
      readonly sanitized: boolean;
    }
  | { readonly index: number; readonly dataRowId: string; readonly globalKey: string; readonly status: "failed"; readonly code: string; readonly message: string };

export interface AssignResult {
  readonly summary: { readonly total: number; readonly assigned: number; readonly failed: number };
  /** One per input assignment, in input order. */
  readonly outcomes: readonly AssignOutcome[];
}

/**
 * Assigns global keys to any number of data rows (Python `client.assign_global_keys_to_data_rows`),
 * in server jobs of `batchSize`, with one outcome per input. Unlike the all-or-nothing core call,
 * an invalid key (length, characters, spaces), an empty id, or a repeated row or key
 * (case-insensitive) fails only its own row (`INVALID_ASSIGNMENT`, `DUPLICATE_ASSIGNMENT`) and is
 * never sent; the server's refusals (`ASSIGNMENT_REJECTED`: no such row, key held by another row,
 * access denied) come back per row too.
 *
 * @example
 * const { outcomes } = await assignGlobalKeys(client, rows.map((r) => ({ dataRowId: r.id, globalKey: `img-${r.externalId}` })));
 */
export async function assignGlobalKeys(
  client: LbxClient,
  assignments: readonly { readonly dataRowId: string; readonly globalKey: string }[],
  options: GlobalKeyJobsOptions = {},
): Promise<AssignResult> {
  if (!Array.isArray(assignments)) throw new TypeError("assignments must be an array of {dataRowId, globalKey}");
  const size = checkBatchSize(options.batchSize ?? GLOBAL_KEYS_PER_JOB, Number.MAX_SAFE_INTEGER);
  const outcomes: AssignOutcome[] = new Array(assignments.length);
  const rows = new Map<string, number>();
  const keys = new Map<string, number>();
  const toSend: number[] = [];
  assignments.forEach((a, index) => {
    const dataRowId = typeof a?.dataRowId === "string" ? a.dataRowId : String(a?.dataRowId);
    const globalKey = typeof a?.globalKey === "string" ? a.globalKey : String(a?.globalKey);
    const fail = (code: string, message: string) => (outcomes[index] = { index, dataRowId, globalKey, status: "failed", code, message });
    const issues: ValidationIssue[] = [];
    if (typeof a?.dataRowId !== "string" || a.dataRowId.trim() === "") issues.push({ path: "dataRowId", message: "must be a non-empty string" });
    checkGlobalKey(a?.globalKey, "globalKey", issues);
    if (issues.length) return void fail("INVALID_ASSIGNMENT", issues.map((i) => `${i.path}: ${i.message}`).join("; "));
    const sameRow = rows.get(dataRowId);
    if (sameRow !== undefined) return void fail("DUPLICATE_ASSIGNMENT", `data row already gets a key at input row ${sameRow}`);
    const sameKey = keys.get(normalizeGlobalKey(globalKey));
    if (sameKey !== undefined) return void fail("DUPLICATE_ASSIGNMENT", `global key already assigned at input row ${sameKey} (keys are case-insensitive)`);
    rows.set(dataRowId, index);
    keys.set(normalizeGlobalKey(globalKey), index);
    toSend.push(index);
  });

  const { signal } = options;
  const retry = { attempts: options.retryAttempts ?? 8, signal, clock: client.clock };
  let done = assignments.length - toSend.length;
  for (const [from, to] of ranges(toSend.length, size)) {
    throwIfAborted(signal);
    const batch = toSend.slice(from, to);
    const links = batch.map((i) => ({ dataRowId: assignments[i]!.dataRowId, globalKey: assignments[i]!.globalKey }));
    try {
      const result = await withRetry(
        () => assignGlobalKeysToDataRows(client, links, { signal, chunkSize: links.length, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }),
        retry,
      );
      const assigned = new Map(result.results.map((r) => [r.dataRowId, r]));
      const refused = new Map(result.errors.map((e) => [e.dataRowId, e.error]));
      for (const index of batch) {
        const { dataRowId, globalKey } = assignments[index]!;
        const ok = assigned.get(dataRowId);
        const error = refused.get(dataRowId);
        outcomes[index] = ok
          ? { index, dataRowId, globalKey: ok.globalKey, status: "assigned", sanitized: ok.sanitized }
          : { index, dataRowId, globalKey, status: "failed", code: error ? "ASSIGNMENT_REJECTED" : "NO_RESULT", message: error ?? "the job did not report this assignment" };
      }
    } catch (error) {
      if (isFatal(error)) throw error;
      const { code, message } = batchFailure(error);
      for (const index of batch) outcomes[index] = { index, ...assignments[index]!, status: "failed", code, message };
    }
    done += batch.length;
    options.onProgress?.(done, assignments.length);
  }
  const assigned = outcomes.filter((o) => o.status === "assigned").length;
  return { summary: { total: outcomes.length, assigned, failed: outcomes.length - assigned }, outcomes };
}

/** What one global key passed to {@link lookupGlobalKeys} resolved to. */
export type LookupOutcome =
  | { readonly index: number; readonly globalKey: string; readonly status: "found"; readonly dataRowId: string }
  | { readonly index: number; readonly globalKey: string; readonly status: "not_found" }
  | { readonly index: number; readonly globalKey: string; readonly status: "failed"; readonly code: string; readonly message: string };

export interface LookupResult {
  readonly summary: { readonly total: number; readonly found: number; readonly notFound: number; readonly failed: number };
  /** One per input key, in input order. */
  readonly outcomes: readonly LookupOutcome[];
}

/**
 * Resolves any number of global keys to data row ids (Python
 * `client.get_data_row_ids_for_global_keys`), in server jobs of `batchSize`, one outcome per key.
 * An empty or non-string key fails alone (`INVALID_KEY`); a key the server will not show is
 * `failed` with `ACCESS_DENIED`.
 *
 * @example
 * const { outcomes } = await lookupGlobalKeys(client, ["img-1", "img-2"]);
 * const ids = outcomes.flatMap((o) => (o.status === "found" ? [o.dataRowId] : []));
 */
export async function lookupGlobalKeys(client: LbxClient, globalKeys: readonly string[], options: GlobalKeyJobsOptions = {}): Promise<LookupResult> {
  if (!Array.isArray(globalKeys)) throw new TypeError("globalKeys must be an array of strings");
  const size = checkBatchSize(options.batchSize ?? GLOBAL_KEYS_PER_JOB, Number.MAX_SAFE_INTEGER);
  const outcomes: LookupOutcome[] = new Array(globalKeys.length);
  const toSend: number[] = [];
  globalKeys.forEach((key, index) => {
    if (typeof key === "string" && key.trim() !== "") toSend.push(index);
    else outcomes[index] = { index, globalKey: String(key), status: "failed", code: "INVALID_KEY", message: "must be a non-empty string" };
  });
  const { signal } = options;
  const retry = { attempts: options.retryAttempts ?? 8, signal, clock: client.clock };
  let done = globalKeys.length - toSend.length;
  for (const [from, to] of ranges(toSend.length, size)) {
    throwIfAborted(signal);
    const batch = toSend.slice(from, to);
    const keys = batch.map((i) => globalKeys[i]!);
    try {
      const result = await withRetry(
        () => getDataRowIdsForGlobalKeys(client, keys, { signal, chunkSize: keys.length, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }),
        retry,
      );
      const denied = new Set(result.errors.filter((e) => /access denied/i.test(e.error)).map((e) => e.globalKey));
      batch.forEach((index, i) => {
        const globalKey = globalKeys[index]!;
        const id = result.results[i];
        if (id) outcomes[index] = { index, globalKey, status: "found", dataRowId: id };
        else if (denied.has(globalKey)) outcomes[index] = { index, globalKey, status: "failed", code: "ACCESS_DENIED", message: "Access denied to Data Row" };
        else outcomes[index] = { index, globalKey, status: "not_found" };
      });
    } catch (error) {
      if (isFatal(error)) throw error;
      const { code, message } = batchFailure(error);
      for (const index of batch) outcomes[index] = { index, globalKey: globalKeys[index]!, status: "failed", code, message };
    }
    done += batch.length;
    options.onProgress?.(done, globalKeys.length);
  }
  const count = (status: LookupOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  return { summary: { total: outcomes.length, found: count("found"), notFound: count("not_found"), failed: count("failed") }, outcomes };
}
