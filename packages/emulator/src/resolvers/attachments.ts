// Attachments: create, update, delete (listing is DataRow.attachments).
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { AttachmentRecord } from "../db/records.js";
import { malformed, notFound } from "../errors.js";
import { checkAttachment } from "../rules/attachments.js";
import { attachmentsOf, MAX_ATTACHMENT_NUMBER } from "../db/attachments.js";
import { now, requireRow } from "./common.js";

/** An attachment of a row of the caller's organization, or RESOURCE_NOT_FOUND. */
function requireAttachment(ctx: EmulatorContext, id: string): AttachmentRecord {
  const store = ctx.services.store;
  const seq = store.ids.decode("attachment", id);
  const attachment = seq === null ? undefined : store.attachments.get(seq);
  const row = attachment && store.rows.get(attachment.rowSeq);
  if (!attachment || !row || row.orgSeq !== ctx.org.seq) throw notFound("AssetAttachment", id);
  return attachment;
}

export const attachmentResolvers: Resolvers<EmulatorContext> = {
  Mutation: {
    createDataRowAttachment: (_p, { data }, ctx) => {
      const row = requireRow(ctx, data.dataRowId);
      const check = checkAttachment({ type: data.type, value: data.value, name: data.name ?? null });
      if (!check.ok) throw malformed(check.reason);
      const store = ctx.services.store;
      const max = ctx.services.limits.maxAttachmentsPerRow;
      return store.transaction(() => {
        if (max > 0 && attachmentsOf(row.seq, store.rows.get(row.seq)?.attachments ?? null).length >= max) throw malformed(`A data row can have at most ${max} attachments`);
        const added = store.attachments.add(row.seq, check.attachment, now(ctx));
        if (!added) throw malformed(`A data row can receive at most ${MAX_ATTACHMENT_NUMBER} attachments over its lifetime`);
        return added;
      });
    },
    updateDataRowAttachment: (_p, { where, data }, ctx) => {
      const attachment = requireAttachment(ctx, where.id);
      const next = {
        type: data.type ?? attachment.type,
        value: data.value ?? attachment.value,
        name: data.name === undefined ? attachment.name : data.name,
      };
      const check = checkAttachment(next);
      if (!check.ok) throw malformed(check.reason);
      ctx.services.store.attachments.change(attachment.seq, check.attachment, now(ctx));
      return ctx.services.store.attachments.get(attachment.seq)!;
    },
    deleteDataRowAttachment: (_p, { where }, ctx) => {
      const attachment = requireAttachment(ctx, where.id);
      ctx.services.store.attachments.change(attachment.seq, null, now(ctx));
      return attachment;
    },
  },
  AssetAttachment: {
    id: (attachment, _a, ctx) => ctx.services.store.ids.encode("attachment", attachment.seq),
    type: (attachment) => attachment.type as never,
  },
};
