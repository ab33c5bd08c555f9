import type { CreateDataRowAttachmentPyApiMutation } from "../generated/operation-types.js";

/** An attachment as the server returns it. `type` may be a value newer than this SDK. */
export type AttachmentRecord = NonNullable<CreateDataRowAttachmentPyApiMutation["createDataRowAttachment"]>;
