import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { datasetsDocument } from "../documents/orm-templates.js";
import { ORM_PAGE_SIZE } from "../documents/selections.js";
import { type Paginated, paginated } from "../util/paginated.js";
import type { DatasetRecord } from "./dataset-record.js";

export interface GetDatasetsOptions extends CallOptions {
  /** Only datasets with exactly this name (Python `where=Dataset.name == name`). */
  readonly name?: string;
}

/**
 * Python `client.get_datasets(where=...)`: the organization's datasets (deleted ones left out),
 * fetched 100 at a time as needed.
 *
 * Pages are fetched by offset (`skip: 100, 200, ...`), as the recorded Python wire does, so the
 * listing is not a snapshot: a dataset deleted while you iterate (by you or anyone else) shifts
 * the ones after it one place back, and one live dataset is skipped; one created meanwhile may be
 * seen twice. Delete after the iteration ends (collect ids first), or list again to be sure.
 *
 * @example
 * for await (const dataset of getDatasets(client, { name: "Cats" })) console.log(dataset.id);
 */
export function getDatasets(client: LbxClient, options: GetDatasetsOptions = {}): Paginated<DatasetRecord> {
  const { name } = options;
  return paginated(async function* () {
    for (let skip = 0; ; skip += ORM_PAGE_SIZE) {
      const variables = name === undefined ? { param_0: false } : { param_0: name, param_1: false };
      const page = (await execute(client, datasetsDocument(name !== undefined, skip), variables, options)).datasets;
      yield page;
      // The ORM stops at the first short page.
      if (page.length < ORM_PAGE_SIZE) return;
    }
  });
}
