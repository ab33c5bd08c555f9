import type { LbxClient } from "../client/client.js";
import { execute } from "../client/request.js";
import { assignGlobalKeysToDataRowsPyApiDocument, assignGlobalKeysToDataRowsResultPyApiDocument } from "../generated/documents.js";
import { chunks } from "../util/chunks.js";
import { checkDistinctKeys, checkGlobalKey } from "../validation/global-key.js";
import { checkNonEmptyArray, checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import { chunkSizeOf, type GlobalKeyJobOptions, type JobStatus, jobStatus, runGlobalKeyJob } from "./run-job.js";

export interface GlobalKeyAssignment {
  readonly dataRowId: string;
  readonly globalKey: string;
}

export interface AssignGlobalKeysResult {
  readonly status: JobStatus;
  /** Keys now assigned; `sanitized` when the server replaced characters (e.g. `<` by `_`), so `globalKey` is what it stored. */
  readonly results: { readonly dataRowId: string; readonly globalKey: string; readonly sanitized: boolean }[];
  readonly errors: { readonly dataRowId: string; readonly globalKey: string; readonly error: string }[];
}

export const INVALID_ASSIGNMENT_MESSAGE = "Invalid assignment. Either DataRow does not exist, or globalKey is invalid";

/**
 * Python `client.assign_global_keys_to_data_rows([...])`. Every key is checked first (length,
 * characters, spaces, and no two inputs with the same key or row); then server jobs assign them.
 */
export async function assignGlobalKeysToDataRows(
  client: LbxClient,
  assignments: readonly GlobalKeyAssignment[],
  options: GlobalKeyJobOptions = {},
): Promise<AssignGlobalKeysResult> {
  const issues: Issues = [];
  if (checkNonEmptyArray(assignments, "assignments", issues)) {
    assignments.forEach((a, i) => {
      if (typeof a !== "object" || a === null) return issues.push({ path: `assignments[${i}]`, message: `must be {dataRowId, globalKey}, got ${describe(a)}` });
      checkNonEmptyString(a.dataRowId, `assignments[${i}].dataRowId`, issues);
      checkGlobalKey(a.globalKey, `assignments[${i}].globalKey`, issues);
      return undefined;
    });
    checkDistinctKeys(assignments.map((a) => a?.globalKey), (i) => `assignments[${i}].globalKey`, issues);
    const rows = new Map<string, number>();
    assignments.forEach((a, i) => {
      const seen = rows.get(a?.dataRowId);
      if (seen !== undefined) issues.push({ path: `assignments[${i}].dataRowId`, message: `data row already gets a key at index ${seen}` });
      else rows.set(a?.dataRowId, i);
    });
  }
  throwIfIssues("assignGlobalKeysToDataRows", issues);

  const results: AssignGlobalKeysResult["results"] = [];
  const errors: AssignGlobalKeysResult["errors"] = [];
  for (const batch of chunks(assignments, chunkSizeOf(options))) {
    // Only the two documented keys are sent, whatever else the caller's objects hold.
    const links = batch.map(({ dataRowId, globalKey }) => ({ dataRowId, globalKey }));
    const data = await runGlobalKeyJob(
      client,
      "assignGlobalKeysToDataRows",
      // Assigning the same key to the same row again changes nothing: safe to retry.
      async () => (await execute(client, assignGlobalKeysToDataRowsPyApiDocument, { globalKeyDataRowLinks: links }, options, true)).assignGlobalKeysToDataRows.jobId,
      async (jobId) => (await execute(client, assignGlobalKeysToDataRowsResultPyApiDocument, { jobId }, options)).assignGlobalKeysToDataRowsResult,
      options,
    );
    results.push(...data.sanitizedAssignments.map((a) => ({ ...a, sanitized: true })));
    results.push(...data.unmodifiedAssignments.map((a) => ({ ...a, sanitized: false })));
    errors.push(...data.invalidGlobalKeyAssignments.map((a) => ({ ...a, error: INVALID_ASSIGNMENT_MESSAGE })));
    errors.push(...data.accessDeniedAssignments.map((a) => ({ ...a, error: "Access denied to Data Row" })));
  }
  return { status: jobStatus(results, errors.length), results, errors };
}
