import type { LbxClient } from "../client/client.js";
import { execute } from "../client/request.js";
import type { DataRowRecord } from "../data-rows/data-row-record.js";
import { getDataRow } from "../data-rows/get-data-row.js";
import { AuthorizationError, NotFoundError } from "../errors/classes.js";
import { getDataRowsForGlobalKeysPyApiDocument, getDataRowsForGlobalKeysResultPyApiDocument } from "../generated/documents.js";
import { chunks } from "../util/chunks.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import { chunkSizeOf, type GlobalKeyJobOptions, type JobStatus, jobStatus, runGlobalKeyJob } from "./run-job.js";

export const NOT_FOUND_MESSAGE = "Data Row not found";
export const ACCESS_DENIED_MESSAGE = "Access denied to Data Row";

export interface GlobalKeyLookupResult {
  readonly status: JobStatus;
  /** One data row id per input key, in input order; `""` where the key did not resolve (as in Python). */
  readonly results: string[];
  readonly errors: { readonly globalKey: string; readonly error: string }[];
}

/**
 * Python `client.get_data_row_ids_for_global_keys(keys)`: resolves global keys to data row ids
 * with server jobs (one per {@link GLOBAL_KEYS_PER_JOB} keys), each polled until done.
 *
 * @example
 * const { results } = await getDataRowIdsForGlobalKeys(client, ["gk-1", "gk-2"]);
 */
export async function getDataRowIdsForGlobalKeys(
  client: LbxClient,
  globalKeys: readonly string[],
  options: GlobalKeyJobOptions = {},
): Promise<GlobalKeyLookupResult> {
  const issues: Issues = [];
  if (!Array.isArray(globalKeys)) issues.push({ path: "globalKeys", message: "must be an array of strings" });
  else globalKeys.forEach((k, i) => checkNonEmptyString(k, `globalKeys[${i}]`, issues));
  throwIfIssues("getDataRowIdsForGlobalKeys", issues);
  const results: string[] = [];
  const errors: { globalKey: string; error: string }[] = [];
  for (const batch of chunks(globalKeys, chunkSizeOf(options))) {
    const data = await runGlobalKeyJob(
      client,
      "dataRowsForGlobalKeys",
      async () => (await execute(client, getDataRowsForGlobalKeysPyApiDocument, { globalKeys: batch }, options)).dataRowsForGlobalKeys.jobId,
      async (jobId) => (await execute(client, getDataRowsForGlobalKeysResultPyApiDocument, { jobId }, options)).dataRowsForGlobalKeysResult,
      options,
    );
    results.push(...data.fetchedDataRows.map((r) => r.id));
    errors.push(...data.notFoundGlobalKeys.map((globalKey) => ({ globalKey, error: NOT_FOUND_MESSAGE })));
    errors.push(...data.accessDeniedGlobalKeys.map((globalKey) => ({ globalKey, error: ACCESS_DENIED_MESSAGE })));
  }
  return { status: jobStatus(results, errors.length), results, errors };
}

/**
 * Python `client.get_data_row_by_global_key(key)`. Throws {@link NotFoundError} when no row has
 * the key, {@link AuthorizationError} when the key's row is not readable with this API key.
 */
export async function getDataRowByGlobalKey(client: LbxClient, globalKey: string, options: GlobalKeyJobOptions = {}): Promise<DataRowRecord> {
  const { results, errors } = await getDataRowIdsForGlobalKeys(client, [globalKey], options);
  const id = results[0];
  if (errors[0]?.error === ACCESS_DENIED_MESSAGE) throw new AuthorizationError(`Access denied to the data row with global key ${JSON.stringify(globalKey)}`);
  if (!id) throw new NotFoundError(`No data row with global key ${JSON.stringify(globalKey)}`, { operationName: "getDataRowsForGlobalKeysResultPyApi" });
  return getDataRow(client, id, options);
}
