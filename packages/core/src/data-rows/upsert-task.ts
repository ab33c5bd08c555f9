import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { UpsertDataRowsPyApiDocument } from "../generated/documents.js";
import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import type { TaskRecord } from "../tasks/task.js";
import { uploadFile } from "../uploads/upload-file.js";

/** How an upsert item names its row: a new row (`AUTO`), an existing id (`ID`) or a global key (`GKEY`). */
export interface UpsertKey {
  readonly type: "AUTO" | "ID" | "GKEY";
  readonly value: string;
}

/** The snake_case payload of one upsert item, as the Python SDK writes it into chunk files. */
export interface UpsertPayload {
  row_data?: string | Readonly<Record<string, unknown>>;
  global_key?: string;
  external_id?: string;
  metadata_fields?: readonly DataRowCustomMetadataUpsertInput[];
  attachments?: { type: string; value: string; name?: string | null }[];
  media_type?: string;
  dataset_id: string;
}

/** One line of an upsert chunk file (spec §7.2). */
export interface UpsertItem {
  readonly id: UpsertKey;
  readonly payload: UpsertPayload;
}

/**
 * Uploads chunk files and their manifest, then starts the server's upsert task
 * (`UploadFile` ×(chunks + 1) → `UpsertDataRowsPyApi`, spec §7.2). Returns the task as created;
 * wait for it with `waitForTask`. `idempotent` marks the mutation safe to retry: true only when
 * every item is keyed by `ID` or `GKEY` (an `AUTO` item retried would create a second row).
 */
export async function startUpsertTask(
  client: LbxClient,
  chunks: readonly (readonly UpsertItem[])[],
  options: CallOptions & { readonly idempotent?: boolean } = {},
): Promise<TaskRecord> {
  const chunkUris: string[] = [];
  for (const items of chunks) {
    chunkUris.push(await uploadFile(client, jsonBlob(items), { ...options, filename: "json_import.json" }));
  }
  const itemCount = chunks.reduce((n, c) => n + c.length, 0);
  const manifestUri = await uploadFile(client, jsonBlob({ source: "SDK", item_count: itemCount, chunk_uris: chunkUris }), {
    ...options,
    filename: "manifest.json",
  });
  const data = await execute(client, UpsertDataRowsPyApiDocument, { manifestUri }, options, options.idempotent ?? false);
  return data.upsertDataRows;
}

function jsonBlob(value: unknown): Blob {
  return new Blob([JSON.stringify(value)], { type: "application/json" });
}
