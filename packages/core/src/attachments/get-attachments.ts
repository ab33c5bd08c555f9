import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { dataRowAttachmentsDocument } from "../documents/orm-templates.js";
import { ORM_PAGE_SIZE } from "../documents/selections.js";
import { NotFoundError } from "../errors/classes.js";
import { type Paginated, paginated } from "../util/paginated.js";
import type { AttachmentRecord } from "./attachment-record.js";

/** Python `data_row.attachments()`: a data row's attachments, 100 per request. */
export function getAttachments(client: LbxClient, dataRowId: string, options: CallOptions = {}): Paginated<AttachmentRecord> {
  return paginated(async function* () {
    for (let skip = 0; ; skip += ORM_PAGE_SIZE) {
      const { dataRow } = await execute(client, dataRowAttachmentsDocument(skip), { param_0: dataRowId }, options);
      if (!dataRow) throw new NotFoundError(`Data row ${dataRowId} not found`, { operationName: "GetDataRowAttachmentsPyApi" });
      yield dataRow.attachments;
      if (dataRow.attachments.length < ORM_PAGE_SIZE) return;
    }
  });
}
