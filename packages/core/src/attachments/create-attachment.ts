import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { LabelboxError } from "../errors/classes.js";
import { CreateDataRowAttachmentPyApiDocument } from "../generated/documents.js";
import type { AttachmentType } from "../generated/operation-types.js";
import { type AttachmentInput, checkAttachment } from "../validation/attachment.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import type { AttachmentRecord } from "./attachment-record.js";

/**
 * Python `data_row.create_attachment(attachment_type, attachment_value, attachment_name)`.
 *
 * @example
 * await createAttachment(client, row.id, { type: "RAW_TEXT", value: "a note", name: "note" });
 */
export async function createAttachment(client: LbxClient, dataRowId: string, input: AttachmentInput, options: CallOptions = {}): Promise<AttachmentRecord> {
  const issues: Issues = [];
  checkNonEmptyString(dataRowId, "dataRowId", issues);
  checkAttachment(input, "attachment", issues);
  throwIfIssues("createAttachment", issues);
  const variables = { type: input.type as AttachmentType, value: input.value, name: input.name ?? null, dataRowId };
  const data = await execute(client, CreateDataRowAttachmentPyApiDocument, variables, options);
  if (!data.createDataRowAttachment) throw new LabelboxError("BAD_RESPONSE", "createDataRowAttachment returned nothing", { operationName: "CreateDataRowAttachmentPyApi" });
  return data.createDataRowAttachment;
}
