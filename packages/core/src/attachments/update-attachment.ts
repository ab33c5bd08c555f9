import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { updateDataRowAttachmentPyApiDocument } from "../generated/documents.js";
import type { AttachmentType } from "../generated/operation-types.js";
import { type AttachmentTypeInput, checkAttachmentType } from "../validation/attachment.js";
import { checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import type { AttachmentRecord } from "./attachment-record.js";

export interface UpdateAttachmentInput {
  readonly type?: AttachmentTypeInput;
  readonly value?: string;
  readonly name?: string;
}

/** Python `attachment.update(name=..., type=..., value=...)`: only the fields given are sent. */
export async function updateAttachment(client: LbxClient, attachmentId: string, input: UpdateAttachmentInput, options: CallOptions = {}): Promise<AttachmentRecord> {
  const issues: Issues = [];
  checkNonEmptyString(attachmentId, "attachmentId", issues);
  const variables: { attachment_id: string; name?: string; type?: AttachmentType; value?: string } = { attachment_id: attachmentId };
  if (input?.type !== undefined && checkAttachmentType(input.type, "type", issues)) variables.type = input.type as AttachmentType;
  if (input?.value !== undefined && checkNonEmptyString(input.value, "value", issues)) variables.value = input.value;
  if (input?.name !== undefined) {
    if (typeof input.name === "string") variables.name = input.name;
    else issues.push({ path: "name", message: `must be a string, got ${describe(input.name)}` });
  }
  if (Object.keys(variables).length === 1 && issues.length === 0) issues.push({ path: "", message: "give at least one of type, value, name" });
  throwIfIssues("updateAttachment", issues);
  // Setting fields to given values is safe to repeat.
  const data = await execute(client, updateDataRowAttachmentPyApiDocument, variables, options, true);
  if (!data.updateDataRowAttachment) throw new NotFoundError(`Attachment ${attachmentId} not found`, { operationName: "updateDataRowAttachmentPyApi" });
  return data.updateDataRowAttachment;
}
