import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { FailedDataRowImportsPyApiDocument, SuccessesfulDataRowImportsPyApiDocument } from "../generated/documents.js";
import type { FailedDataRowImportsPyApiQuery, SuccessesfulDataRowImportsPyApiQuery } from "../generated/operation-types.js";
import { cursorGuard, type Paginated, paginated } from "../util/paginated.js";

/** A row an upsert task created or updated. */
export type TaskSuccess = SuccessesfulDataRowImportsPyApiQuery["successesfulDataRowImports"]["nodes"][number];
/** A row an upsert task rejected, with the server's reason in `message`. */
export type TaskFailure = FailedDataRowImportsPyApiQuery["failedDataRowImports"]["results"][number];

/** Page size the Python SDK uses for task results. */
export const TASK_RESULTS_PAGE_SIZE = 5000;

/** Rows an upsert task wrote (Python `task.result`), paged by the `after` cursor. */
export function taskSuccesses(client: LbxClient, taskId: string, options: CallOptions = {}): Paginated<TaskSuccess> {
  return paginated((first = TASK_RESULTS_PAGE_SIZE) =>
    pagesByAfter(async (from) => {
      const page = (await execute(client, SuccessesfulDataRowImportsPyApiDocument, { taskId, first, from }, options)).successesfulDataRowImports;
      return { items: page.nodes, after: page.after };
    }, "SuccessesfulDataRowImportsPyApi"),
  );
}

/** Rows an upsert task rejected (Python `task.errors`), paged by the `after` cursor. */
export function taskFailures(client: LbxClient, taskId: string, options: CallOptions = {}): Paginated<TaskFailure> {
  return paginated((first = TASK_RESULTS_PAGE_SIZE) =>
    pagesByAfter(async (from) => {
      const page = (await execute(client, FailedDataRowImportsPyApiDocument, { taskId, first, from }, options)).failedDataRowImports;
      return { items: page.results, after: page.after };
    }, "FailedDataRowImportsPyApi"),
  );
}

// Paging stops when `after` is null or empty (spec §7.2).
async function* pagesByAfter<T>(
  fetchPage: (from: string | null) => Promise<{ items: readonly T[]; after: string | null }>,
  operationName: string,
): AsyncGenerator<readonly T[]> {
  const guard = cursorGuard(operationName);
  let from: string | null = null;
  for (;;) {
    const page = await fetchPage(from);
    yield page.items;
    if (!page.after) return;
    guard(page.after);
    from = page.after;
  }
}
