import { createAttachment } from "../attachments/create-attachment.js";
import { getAttachments } from "../attachments/get-attachments.js";
import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";
import type { DataRowMetadataField, DataRowRecord } from "../data-rows/data-row-record.js";
import { deleteDataRow } from "../data-rows/delete-data-rows.js";
import { type UpdateDataRowInput, updateDataRow } from "../data-rows/update-data-row.js";
import { type Paginated, paginated } from "../util/paginated.js";
import type { AttachmentInput } from "../validation/attachment.js";
import { Attachment } from "./attachment.js";

/** A data row with methods (Python `DataRow`). Immutable: `update` returns a new one. */
export class DataRow implements DataRowRecord {
  declare readonly id: string;
  declare readonly rowData: string | null;
  declare readonly globalKey: string | null;
  declare readonly externalId: string | null;
  declare readonly createdAt: string | null;
  declare readonly updatedAt: string | null;
  declare readonly mediaAttributes: unknown;
  declare readonly metadataFields: readonly DataRowMetadataField[];
  declare readonly customMetadata: DataRowRecord["customMetadata"];
  declare readonly client: LbxClient;

  constructor(client: LbxClient, record: DataRowRecord) {
    Object.assign(this, record);
    Object.defineProperty(this, "client", { value: client, enumerable: false });
  }

  /** Python `data_row.update(row_data=, global_key=, external_id=)`. */
  async update(input: UpdateDataRowInput, options?: CallOptions): Promise<DataRow> {
    return new DataRow(this.client, await updateDataRow(this.client, this.id, input, options));
  }

  /** Python `data_row.delete()`. */
  delete(options?: CallOptions): Promise<void> {
    return deleteDataRow(this.client, this.id, options);
  }

  /** Python `data_row.create_attachment(type, value, name)`. */
  async createAttachment(input: AttachmentInput, options?: CallOptions): Promise<Attachment> {
    return new Attachment(this.client, await createAttachment(this.client, this.id, input, options));
  }

  /** Python `data_row.attachments()`. */
  attachments(options?: CallOptions): Paginated<Attachment> {
    const { client, id } = this;
    return paginated(async function* () {
      for await (const page of getAttachments(client, id, options).pages()) yield page.map((a) => new Attachment(client, a));
    });
  }
}
