import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { DatasetDataRowsPyApiDocument } from "../generated/documents.js";
import type { DatasetDataRowsPyApiQuery, DatasetDataRowsPyApiQueryVariables, DatasetDataRowWhereInput } from "../generated/operation-types.js";
import { cursorGuard, type Paginated, paginated } from "../util/paginated.js";
import { type DataRowRecord, toDataRowRecord } from "./data-row-record.js";

/** Page size of the Python SDK's cursor listing. */
export const DATA_ROWS_PAGE_SIZE = 500;

export interface IterateDataRowsOptions extends CallOptions {
  /** One filter, e.g. `{ externalId: "ext-1" }` (Python `where=DataRow.external_id == "ext-1"`). */
  readonly where?: DatasetDataRowWhereInput;
  /** Rows per request, default 500. */
  readonly pageSize?: number;
}

/**
 * Python `dataset.data_rows()`: every row of a dataset, newest first, fetched a page at a time
 * with the cursor query (spec §9.3). Deleted and failed rows are left out by the server.
 * Throws if the server returns a cursor it returned before, instead of looping forever.
 *
 * @example
 * for await (const row of iterateDataRows(client, dataset.id)) console.log(row.globalKey);
 * const first = await iterateDataRows(client, dataset.id).first();
 */
export function iterateDataRows(client: LbxClient, datasetId: string, options: IterateDataRowsOptions = {}): Paginated<DataRowRecord> {
  return paginated(async function* (pageSize = options.pageSize ?? DATA_ROWS_PAGE_SIZE) {
    const guard = cursorGuard("DatasetDataRowsPyApi");
    let from: string | null = null;
    for (;;) {
      const variables: DatasetDataRowsPyApiQueryVariables = { id: datasetId, from, first: pageSize, where: options.where ?? null };
      const page: DatasetDataRowsPyApiQuery["datasetDataRows"] = (await execute(client, DatasetDataRowsPyApiDocument, variables, options)).datasetDataRows;
      yield page.nodes.map(toDataRowRecord);
      // The next cursor is `startCursor`, despite its name; `hasNextPage` is not reliable (spec §9.3).
      const next: string | null = page.pageInfo.startCursor;
      if (!next) return;
      guard(next);
      from = next;
    }
  });
}
