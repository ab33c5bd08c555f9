import { getDataRowIdsForGlobalKeys } from "@lbx/core";
import { withRetry } from "../retry.js";
import type { ImportContext } from "./context.js";

/**
 * The data row id holding each global key ("" where none does), positionally, through the
 * server's look-up jobs in batches of `lookupBatchSize`. Used by `onDuplicate: "skip"` (do not
 * send rows whose key exists) and `"update"` (report such rows as updated, not created).
 */
export async function existingRowIds(ctx: ImportContext, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const { client, retry, settings } = ctx;
  const found = await withRetry(
    () => getDataRowIdsForGlobalKeys(client, keys, { signal: ctx.signal, chunkSize: settings.lookupBatchSize }),
    retry,
  );
  return found.results;
}
