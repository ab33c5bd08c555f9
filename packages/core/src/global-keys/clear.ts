import type { LbxClient } from "../client/client.js";
import { execute } from "../client/request.js";
import { clearGlobalKeysPyApiDocument, clearGlobalKeysResultPyApiDocument } from "../generated/documents.js";
import { chunks } from "../util/chunks.js";
import { checkNonEmptyArray, checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import { chunkSizeOf, type GlobalKeyJobOptions, type JobStatus, jobStatus, runGlobalKeyJob } from "./run-job.js";

export interface ClearGlobalKeysResult {
  readonly status: JobStatus;
  /** Keys that were cleared. */
  readonly results: string[];
  readonly errors: { readonly globalKey: string; readonly error: string }[];
}

/** Python `client.clear_global_keys(keys)`: removes the keys from their rows, freeing them for reuse. */
export async function clearGlobalKeys(client: LbxClient, globalKeys: readonly string[], options: GlobalKeyJobOptions = {}): Promise<ClearGlobalKeysResult> {
  const issues: Issues = [];
  if (checkNonEmptyArray(globalKeys, "globalKeys", issues)) globalKeys.forEach((k, i) => checkNonEmptyString(k, `globalKeys[${i}]`, issues));
  throwIfIssues("clearGlobalKeys", issues);
  const results: string[] = [];
  const errors: { globalKey: string; error: string }[] = [];
  for (const batch of chunks(globalKeys, chunkSizeOf(options))) {
    const data = await runGlobalKeyJob(
      client,
      "clearGlobalKeys",
      // Not marked idempotent: a repeated job would report the keys the first one cleared as not found.
      async () => (await execute(client, clearGlobalKeysPyApiDocument, { globalKeys: batch }, options)).clearGlobalKeys.jobId,
      async (jobId) => (await execute(client, clearGlobalKeysResultPyApiDocument, { jobId }, options)).clearGlobalKeysResult,
      options,
    );
    results.push(...data.clearedGlobalKeys);
    const add = (keys: readonly string[], error: string) => errors.push(...keys.map((globalKey) => ({ globalKey, error })));
    add(data.failedToClearGlobalKeys, "Clearing global key failed");
    add(data.notFoundGlobalKeys, "Failed to find data row matching provided global key");
    add(data.accessDeniedGlobalKeys, "Denied access to modify data row matching provided global key");
  }
  return { status: jobStatus(results, errors.length), results, errors };
}
