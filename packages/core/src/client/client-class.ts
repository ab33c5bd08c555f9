import type { Transport } from "@lbx/transport";
import type { GlobalKeyAssignment } from "../global-keys/assign.js";
import { assignGlobalKeysToDataRows } from "../global-keys/assign.js";
import { clearGlobalKeys } from "../global-keys/clear.js";
import { getDataRowByGlobalKey, getDataRowIdsForGlobalKeys } from "../global-keys/lookup.js";
import type { GlobalKeyJobOptions } from "../global-keys/run-job.js";
import { getDataRowIdsForExternalIds } from "../data-rows/external-ids.js";
import { deleteDataRows, type DeleteDataRowsOptions } from "../data-rows/delete-data-rows.js";
import { getDataRow } from "../data-rows/get-data-row.js";
import { createDataset, type CreateDatasetInput } from "../datasets/create-dataset.js";
import type { DatasetRecord } from "../datasets/dataset-record.js";
import { getDataset } from "../datasets/get-dataset.js";
import { getDatasets, type GetDatasetsOptions } from "../datasets/get-datasets.js";
import { DataRow } from "../entities/data-row.js";
import { Dataset } from "../entities/dataset.js";
import { DataRowMetadataOntology } from "../entities/metadata-ontology.js";
import { getMetadataOntology } from "../metadata/ontology.js";
import { getTask } from "../tasks/task.js";
import { getOrganization, getUser } from "../tasks/user.js";
import { uploadFile, type UploadOptions } from "../uploads/upload-file.js";
import type { Clock } from "../util/clock.js";
import { type Paginated, paginated } from "../util/paginated.js";
import { type ClientCache, type ClientOptions, createClient, type LbxClient, type PollingOptions } from "./client.js";
import type { CallOptions } from "./request.js";

/**
 * The Python-style facade (`labelbox.Client`): methods named after the Python ones, returning
 * entities with methods of their own. It is also an {@link LbxClient}, so every standalone
 * function accepts it. Browser bundles that care about size use `createClient` and the functions.
 *
 * @example
 * const client = new Client({ apiKey: process.env.LABELBOX_API_KEY });
 * const dataset = await client.createDataset({ name: "Cats" });
 * const row = await dataset.createDataRow({ rowData: "https://example.com/cat.jpg", globalKey: "cat-1" });
 */
export class Client implements LbxClient {
  declare readonly endpoint: string;
  declare readonly send: Transport;
  declare readonly redact: (text: string) => string;
  declare readonly cache: ClientCache;
  declare readonly polling: Required<PollingOptions>;
  declare readonly clock: Clock;

  constructor(options: ClientOptions = {}) {
    Object.assign(this, createClient(options));
  }

  async createDataset(input: CreateDatasetInput, options?: CallOptions): Promise<Dataset> {
    return new Dataset(this, await createDataset(this, input, options));
  }

  async getDataset(datasetId: string, options?: CallOptions): Promise<Dataset> {
    return new Dataset(this, await getDataset(this, datasetId, options));
  }

  getDatasets(options?: GetDatasetsOptions): Paginated<Dataset> {
    const source = getDatasets(this, options);
    const wrap = (page: readonly DatasetRecord[]) => page.map((d) => new Dataset(this, d));
    return paginated(async function* () {
      for await (const page of source.pages()) yield wrap(page);
    });
  }

  async getDataRow(dataRowId: string, options?: CallOptions): Promise<DataRow> {
    return new DataRow(this, await getDataRow(this, dataRowId, options));
  }

  async getDataRowByGlobalKey(globalKey: string, options?: GlobalKeyJobOptions): Promise<DataRow> {
    return new DataRow(this, await getDataRowByGlobalKey(this, globalKey, options));
  }

  getDataRowIdsForGlobalKeys(globalKeys: readonly string[], options?: GlobalKeyJobOptions) {
    return getDataRowIdsForGlobalKeys(this, globalKeys, options);
  }

  getDataRowIdsForExternalIds(externalIds: readonly string[], options?: CallOptions) {
    return getDataRowIdsForExternalIds(this, externalIds, options);
  }

  assignGlobalKeysToDataRows(assignments: readonly GlobalKeyAssignment[], options?: GlobalKeyJobOptions) {
    return assignGlobalKeysToDataRows(this, assignments, options);
  }

  clearGlobalKeys(globalKeys: readonly string[], options?: GlobalKeyJobOptions) {
    return clearGlobalKeys(this, globalKeys, options);
  }

  /** Python `DataRow.bulk_delete(rows)`, by id. */
  deleteDataRows(dataRowIds: readonly string[], options?: DeleteDataRowsOptions): Promise<void> {
    return deleteDataRows(this, dataRowIds, options);
  }

  async getDataRowMetadataOntology(options?: CallOptions & { readonly refresh?: boolean }): Promise<DataRowMetadataOntology> {
    return new DataRowMetadataOntology(this, await getMetadataOntology(this, options));
  }

  uploadFile(file: Blob, options?: UploadOptions): Promise<string> {
    return uploadFile(this, file, options);
  }

  getTaskById(taskId: string, options?: CallOptions) {
    return getTask(this, taskId, options);
  }

  getUser(options?: CallOptions) {
    return getUser(this, options);
  }

  getOrganization(options?: CallOptions) {
    return getOrganization(this, options);
  }
}
