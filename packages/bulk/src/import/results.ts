import {
  execute,
  FailedDataRowImportsPyApiDocument,
  LabelboxError,
  SuccessesfulDataRowImportsPyApiDocument,
  TASK_RESULTS_PAGE_SIZE,
  type TaskFailure,
  type TaskSuccess,
} from "@lbx/core";
import { type IdentityMatcher, type IdentityTable, takeResult } from "../identity-table.js";
import { failureCode } from "../outcomes.js";
import { type RetryOptions, withRetry } from "../retry.js";
import type { LbxClient } from "../types.js";

/** One page of a task's results and the total the server reports. */
interface Page<T> {
  readonly items: readonly T[];
  readonly after: string | null;
  readonly total: number | null;
}

/**
 * Pages through a task's successes or failures (5,000 a page, cursor `after`, spec §7.2). Each
 * page is retried on its own, so a failure at page 20 of 30 does not start over from page 1.
 */
export async function* resultPages<T>(fetchPage: (from: string | null) => Promise<Page<T>>, retry: RetryOptions, name: string): AsyncGenerator<Page<T>> {
  const seen = new Set<string>();
  let from: string | null = null;
  for (;;) {
    const cursor: string | null = from;
    const page: Page<T> = await withRetry(() => fetchPage(cursor), retry);
    yield page;
    if (!page.after) return;
    if (seen.has(page.after)) throw new LabelboxError("PAGINATION_STALLED", `The server returned cursor ${JSON.stringify(page.after)} twice`, { operationName: name });
    seen.add(page.after);
    from = page.after;
  }
}

export function successPages(client: LbxClient, taskId: string, retry: RetryOptions, first = TASK_RESULTS_PAGE_SIZE): AsyncGenerator<Page<TaskSuccess>> {
  return resultPages(
    async (from) => {
      const page = (await execute(client, SuccessesfulDataRowImportsPyApiDocument, { taskId, first, from }, { signal: retry.signal })).successesfulDataRowImports;
      return { items: page.nodes, after: page.after ?? null, total: page.total ?? null };
    },
    retry,
    "SuccessesfulDataRowImportsPyApi",
  );
}

export function failurePages(client: LbxClient, taskId: string, retry: RetryOptions, first = TASK_RESULTS_PAGE_SIZE): AsyncGenerator<Page<TaskFailure>> {
  return resultPages(
    async (from) => {
      const page = (await execute(client, FailedDataRowImportsPyApiDocument, { taskId, first, from }, { signal: retry.signal })).failedDataRowImports;
      return { items: page.results, after: page.after ?? null, total: page.total ?? null };
    },
    retry,
    "FailedDataRowImportsPyApi",
  );
}

/** Result codes of a span's rows by offset. */
export const NONE = 0;
export const SUCCEEDED = 1;
export const FAILED = 2;

/** Every result of one task, placed at the offset of the input row that sent it. */
export interface TaskResults {
  readonly status: Uint8Array;
  readonly dataRowIds: Array<string | undefined>;
  readonly globalKeys: Array<string | undefined> | undefined;
  readonly failures: Map<number, { code: string; message: string; globalKey: string | undefined }>;
  /** Results that matched no sent row. */
  unmatched: number;
}

export interface ReadResultsOptions {
  /** Keep each created row's global key, for outcome objects. */
  readonly keepKeys: boolean;
  /**
   * Nobody needs the data row id of each created row: read the failures only, and the success
   * count from one small page. If the counts show that every sent row has exactly one result,
   * the rows not failed are the ones created; otherwise everything is read after all.
   */
  readonly failuresOnly: boolean;
}

/**
 * Reads a task's results and maps each to its input row. Successes and failures are paged at the
 * same time.
 */
export async function readTaskResults(
  client: LbxClient,
  taskId: string,
  identity: IdentityTable,
  start: number,
  length: number,
  retry: RetryOptions,
  options: ReadResultsOptions,
): Promise<TaskResults> {
  if (options.failuresOnly) {
    const [successes, results] = await Promise.all([successTotal(client, taskId, retry), read(client, taskId, identity.matcher(), start, length, retry, false, false)]);
    const failed = results.failures.size;
    if (successes !== null && results.unmatched === 0 && successes + failed === identity.size) {
      for (const index of results.remainingIndexes) results.status[index - start] = SUCCEEDED;
      return results;
    }
  }
  return read(client, taskId, identity.matcher(), start, length, retry, true, options.keepKeys);
}

async function successTotal(client: LbxClient, taskId: string, retry: RetryOptions): Promise<number | null> {
  const pages = successPages(client, taskId, retry, 1);
  const first = await pages.next();
  await pages.return(undefined);
  return first.done ? null : first.value.total;
}

async function read(
  client: LbxClient,
  taskId: string,
  matcher: IdentityMatcher,
  start: number,
  length: number,
  retry: RetryOptions,
  withSuccesses: boolean,
  keepKeys: boolean,
): Promise<TaskResults & { remainingIndexes: number[] }> {
  const results: TaskResults = {
    status: new Uint8Array(length),
    dataRowIds: new Array<string | undefined>(withSuccesses ? length : 0),
    globalKeys: keepKeys ? new Array<string | undefined>(length) : undefined,
    failures: new Map(),
    unmatched: 0,
  };
  const place = (row: { globalKey?: string | null; externalId?: string | null; rowData?: string | null }): number | undefined => {
    const index = takeResult(matcher, row);
    if (index === undefined) {
      results.unmatched += 1;
      return undefined;
    }
    return index - start;
  };
  const readSuccesses = async () => {
    for await (const page of successPages(client, taskId, retry)) {
      for (const s of page.items) {
        const at = place(s);
        if (at === undefined) continue;
        results.status[at] = SUCCEEDED;
        results.dataRowIds[at] = s.id;
        if (results.globalKeys) results.globalKeys[at] = s.globalKey ?? undefined;
      }
    }
  };
  const readFailures = async () => {
    for await (const page of failurePages(client, taskId, retry)) {
      for (const f of page.items) {
        const at = f.spec ? place(f.spec) : (results.unmatched++, undefined);
        if (at === undefined) continue;
        const message = f.message ?? "the server reported a failure without a message";
        results.status[at] = FAILED;
        results.failures.set(at, { code: failureCode(message), message, globalKey: f.spec?.globalKey ?? undefined });
      }
    }
  };
  await Promise.all([withSuccesses ? readSuccesses() : undefined, readFailures()]);
  return { ...results, remainingIndexes: withSuccesses ? [] : matcher.untaken() };
}
