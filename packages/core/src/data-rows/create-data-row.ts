import type { LbxClient } from "../client/client.js";
import { ConflictError, LabelboxError, ValidationError } from "../errors/classes.js";
import { resolveMetadata } from "../metadata/resolve.js";
import { taskFailures, taskSuccesses } from "../tasks/task-results.js";
import { waitForTask, type WaitForTaskOptions } from "../tasks/wait-for-task.js";
import { uploadFile } from "../uploads/upload-file.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import { type DataRowRecord } from "./data-row-record.js";
import { getDataRow } from "./get-data-row.js";
import { startUpsertTask, type UpsertPayload } from "./upsert-task.js";
import { checkDataRowInput, type DataRowInput } from "./validate-data-row.js";

export interface CreateDataRowOptions extends WaitForTaskOptions {
  /** Name of the uploaded file part when `rowData` is a `Blob` without one. */
  readonly filename?: string;
}

/**
 * Python `dataset.create_data_row(...)`, with the SDK 6.0 protocol: the row goes through a
 * one-item upsert task (chunk file + manifest + `upsertDataRows`), which is awaited, then the
 * created row is read back (spec §5.2). A `File`/`Blob` row data is uploaded first.
 *
 * Everything is validated before the first request; a rejected row throws
 * {@link ConflictError} (its global key is taken) or {@link ValidationError} (anything else the
 * server refused), never a silent partial result.
 *
 * @example
 * const row = await createDataRow(client, dataset.id, {
 *   rowData: "https://storage.googleapis.com/labelbox-sample-datasets/Docs/basic.jpg",
 *   globalKey: "basic-1",
 *   metadataFields: [{ name: "tag", value: "cat" }, { name: "split", value: "train" }],
 *   attachments: [{ type: "RAW_TEXT", value: "a note", name: "note" }],
 * });
 */
export async function createDataRow(
  client: LbxClient,
  datasetId: string,
  input: DataRowInput,
  options: CreateDataRowOptions = {},
): Promise<DataRowRecord> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  const shapeOk = checkDataRowInput(input, "", issues);
  // Metadata kinds need the ontology; fetch it only if the rest of the row could be checked.
  const metadata =
    shapeOk && input.metadataFields?.length ? await resolveMetadata(client, input.metadataFields, "metadataFields", issues, options) : undefined;
  throwIfIssues("createDataRow", issues);

  const rowData =
    typeof input.rowData === "object" && input.rowData instanceof Blob
      ? await uploadFile(client, input.rowData, { ...options, ...(options.filename ? { filename: options.filename } : {}) })
      : input.rowData;
  // Key order as the Python SDK writes it; absent values are left out, not sent as null.
  const ordered: UpsertPayload = {
    row_data: rowData as string | Readonly<Record<string, unknown>>,
    ...(input.globalKey != null ? { global_key: input.globalKey } : {}),
    ...(input.externalId != null ? { external_id: input.externalId } : {}),
    ...(metadata ? { metadata_fields: metadata } : {}),
    ...(input.attachments?.length
      ? { attachments: input.attachments.map((a) => ({ type: a.type, value: a.value, ...(a.name != null ? { name: a.name } : {}) })) }
      : {}),
    ...(input.mediaType != null ? { media_type: input.mediaType } : {}),
    dataset_id: datasetId,
  };

  const task = await startUpsertTask(client, [[{ id: { type: "AUTO", value: "" }, payload: ordered }]], options);
  await waitForTask(client, task.id, options);
  const failure = await taskFailures(client, task.id, options).toArray({ limit: 1 });
  if (failure[0]) throw rowRejected(failure[0].message ?? "no reason given", task.id);
  const created = await taskSuccesses(client, task.id, options).toArray({ limit: 1 });
  if (!created[0]) throw new LabelboxError("BAD_RESPONSE", `Task ${task.id} completed without creating the row or reporting why`, { operationName: "SuccessesfulDataRowImportsPyApi" });
  return getDataRow(client, created[0].id, options);
}

function rowRejected(message: string, taskId: string): LabelboxError {
  const context = { operationName: "FailedDataRowImportsPyApi" };
  if (/duplicate global key/i.test(message)) return new ConflictError(`Data row not created (task ${taskId}): ${message}`, context);
  return new ValidationError(`Data row not created (task ${taskId}): ${message}`, [{ path: "", message }], context);
}
