import { deleteAttachment } from "../attachments/delete-attachment.js";
import type { AttachmentRecord } from "../attachments/attachment-record.js";
import { type UpdateAttachmentInput, updateAttachment } from "../attachments/update-attachment.js";
import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";

/** An attachment with methods (Python `AssetAttachment`). Immutable: `update` returns a new one. */
export class Attachment implements AttachmentRecord {
  declare readonly id: string;
  declare readonly type: AttachmentRecord["type"];
  declare readonly value: string;
  declare readonly name: string | null;
  /** The client this attachment was read with; its methods use it. */
  declare readonly client: LbxClient;

  constructor(client: LbxClient, record: AttachmentRecord) {
    Object.assign(this, record);
    Object.defineProperty(this, "client", { value: client, enumerable: false });
  }

  /** Python `attachment.update(name=, type=, value=)`. */
  async update(input: UpdateAttachmentInput, options?: CallOptions): Promise<Attachment> {
    return new Attachment(this.client, await updateAttachment(this.client, this.id, input, options));
  }

  /** Python `attachment.delete()`. */
  delete(options?: CallOptions): Promise<void> {
    return deleteAttachment(this.client, this.id, options);
  }
}
