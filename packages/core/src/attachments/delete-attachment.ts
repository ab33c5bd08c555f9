import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { deleteDataRowAttachmentPyApiDocument } from "../generated/documents.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";

/** Python `attachment.delete()`. */
export async function deleteAttachment(client: LbxClient, attachmentId: string, options: CallOptions = {}): Promise<void> {
  const issues: Issues = [];
  checkNonEmptyString(attachmentId, "attachmentId", issues);
  throwIfIssues("deleteAttachment", issues);
  // Deleting twice leaves the same state: safe to retry.
  const data = await execute(client, deleteDataRowAttachmentPyApiDocument, { attachment_id: attachmentId }, options, true);
  if (!data.deleteDataRowAttachment) throw new NotFoundError(`Attachment ${attachmentId} not found`, { operationName: "deleteDataRowAttachmentPyApi" });
}
