import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";
import { createDataRow, type CreateDataRowOptions } from "../data-rows/create-data-row.js";
import { dataRowsForExternalId } from "../data-rows/external-ids.js";
import { type IterateDataRowsOptions, iterateDataRows } from "../data-rows/iterate-data-rows.js";
import type { DataRowInput } from "../data-rows/validate-data-row.js";
import type { DatasetRecord } from "../datasets/dataset-record.js";
import { deleteDataset } from "../datasets/delete-dataset.js";
import { type UpdateDatasetInput, updateDataset } from "../datasets/update-dataset.js";
import { type Paginated, paginated } from "../util/paginated.js";
import { DataRow } from "./data-row.js";

/** A dataset with methods (Python `Dataset`). Immutable: `update` returns a new one. */
export class Dataset implements DatasetRecord {
  declare readonly id: string;
  declare readonly name: string | null;
  declare readonly description: string | null;
  declare readonly rowCount: number | null;
  declare readonly createdAt: string | null;
  declare readonly updatedAt: string | null;
  declare readonly client: LbxClient;

  constructor(client: LbxClient, record: DatasetRecord) {
    Object.assign(this, record);
    Object.defineProperty(this, "client", { value: client, enumerable: false });
  }

  /** Python `dataset.create_data_row(...)`. */
  async createDataRow(input: DataRowInput, options?: CreateDataRowOptions): Promise<DataRow> {
    return new DataRow(this.client, await createDataRow(this.client, this.id, input, options));
  }

  /**
   * Python `dataset.data_rows()`: every row, newest first, a page at a time.
   *
   * @example
   * for await (const row of dataset.dataRows()) console.log(row.id);
   */
  dataRows(options: IterateDataRowsOptions = {}): Paginated<DataRow> {
    const { client, id } = this;
    return paginated(async function* (pageSize) {
      const pages = iterateDataRows(client, id, pageSize ? { ...options, pageSize } : options).pages();
      for await (const page of pages) yield page.map((r) => new DataRow(client, r));
    });
  }

  /** Python `dataset.data_row_for_external_id(external_id)`. */
  async dataRowForExternalId(externalId: string, options?: CallOptions): Promise<DataRow> {
    const [row] = await this.dataRowsForExternalId(externalId, { ...options, limit: 1 });
    return row as DataRow;
  }

  /** Python `dataset.data_rows_for_external_id(external_id, limit=10)`. */
  async dataRowsForExternalId(externalId: string, options?: CallOptions & { readonly limit?: number }): Promise<DataRow[]> {
    return (await dataRowsForExternalId(this.client, this.id, externalId, options)).map((r) => new DataRow(this.client, r));
  }

  /** Python `dataset.update(name=, description=)`. */
  async update(input: UpdateDatasetInput, options?: CallOptions): Promise<Dataset> {
    return new Dataset(this.client, await updateDataset(this.client, this.id, input, options));
  }

  /** Python `dataset.delete()`. */
  delete(options?: CallOptions): Promise<void> {
    return deleteDataset(this.client, this.id, options);
  }
}
