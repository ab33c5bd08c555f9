import type { LbxClient } from "../client/client.js";
import { type CallOptions, post } from "../client/request.js";
import { LabelboxError } from "../errors/classes.js";
import { UploadFileDocument } from "../generated/documents.js";
import type { UploadFileMutation } from "../generated/operation-types.js";

export interface UploadOptions extends CallOptions {
  /** Name of the file part; defaults to a `File`'s name, else `"1"` (what Python sends when it has none). */
  readonly filename?: string;
}

/**
 * Uploads bytes with the GraphQL multipart `UploadFile` mutation and returns the signed URL the
 * server stores them at (use it as row data). Works with any `Blob`: a browser `File`, a `Blob`
 * built from text, or `fileFromPath()` from `@lbx/core/node`.
 *
 * @example
 * const url = await uploadFile(client, new Blob([json], { type: "application/json" }), { filename: "a.json" });
 */
export async function uploadFile(client: LbxClient, file: Blob, options: UploadOptions = {}): Promise<string> {
  const form = new FormData();
  // Key order variables, query, and these three parts in this order: as the Python SDK sends them.
  form.append("operations", JSON.stringify({ variables: { file: null, contentLength: file.size, sign: false }, query: UploadFileDocument }));
  form.append("map", JSON.stringify({ 1: ["variables.file"] }));
  form.append("1", file, options.filename ?? (file as Partial<File>).name ?? "1");
  // No content-type header: the transport's fetch writes the multipart boundary itself.
  const data = (await post(client, form, {}, { name: "UploadFile", kind: "upload", idempotent: true }, options)) as UploadFileMutation;
  const url = data.uploadFile?.url;
  if (!url) throw new LabelboxError("BAD_RESPONSE", "Failed to upload: the server returned no URL", { operationName: "UploadFile" });
  return url;
}
