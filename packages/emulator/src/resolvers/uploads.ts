// `uploadFile` (GraphQL multipart): the bytes were written to disk while the request was parsed;
// here they become a blob of the caller's organization with a signed URL.
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import { malformed } from "../errors.js";
import { UploadedFile } from "../graphql/scalars.js";
import { sniffMimeType } from "../rules/row-data.js";
import { fileUrl } from "./common.js";

export const uploadResolvers: Resolvers<EmulatorContext> = {
  Mutation: {
    // `contentLength` is not checked against the bytes: SDK 3.x sends the CHARACTER count for
    // descriptor uploads passed as text (spec §1.5), which differs for non-ASCII content.
    uploadFile: async (_p, { file }, ctx) => {
      if (!(file instanceof UploadedFile)) throw malformed("file must be a multipart file part");
      const { files, store } = ctx.services;
      // Bulk imports upload while task threads write: wait for the lock without freezing the server.
      if (!files.get(file.blobId)) await store.transactionWhenFree(() => files.register(ctx.org.seq, file.blobId, file.relPath, file.size, sniffMimeType(file.head), file.filename));
      return { url: fileUrl(ctx, file.blobId), filename: file.filename ?? file.blobId };
    },
  },
};
