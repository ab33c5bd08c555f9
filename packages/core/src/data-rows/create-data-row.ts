import type { LbxClient } from "../client/client.js";
import { ConflictError, LabelboxError, ValidationError } from "../errors/classes.js";
import { taskFailures, taskSuccesses } from "../tasks/task-results.js";
import { waitForTask } from "../tasks/wait-for-task.js";
import type { WaitForTaskOptions } from "../tasks/wait-for-task.js";
import type { DataRowRecord } from "./data-row-record.js";
import { getDataRow } from "./get-data-row.js";
import { prepareDataRow } from "./prepare-data-row.js";
import { startUpsertTask, type UpsertPayload } from "./upsert-task.js";
import type { DataRowInput } from "./validate-data-row.js";

/** Options of {@link createDataRow}; `timeoutMs` and `onProgress` (from {@link WaitForTaskOptions}) apply to its upsert task. */
export interface CreateDataRowOptions extends WaitForTaskOptions {
  /** Name of the uploaded file part when `rowData` is a `Blob` without one. */
  readonly filename?: string;
}

/**
 * Python 6.0 `dataset.create_data_row(...)`, with the SDK 6.0 protocol: the row goes through a
 * one-item upsert task (chunk file + manifest + `upsertDataRows`), which is awaited (`timeoutMs`,
 * `onProgress`), then the created row is read back (spec §5.2). This is what the Python SDK sends
 * since 3.75, so it is the default. It takes a `File`/`Blob` (uploaded first) and metadata by name;
 * {@link createDataRowClassic} creates a row in one request with the older mutation, leaving the
 * upload and the metadata names to calls you compose.
 *
 * Everything is validated before the first request: a rejected row throws {@link ConflictError}
 * (its global key is taken) or {@link ValidationError} (anything else the server refused), never a
 * silent partial result.
 *
 * @example
 * const row = await createDataRow(client, dataset.id, { rowData: "https://example.com/cat.jpg", globalKey: "cat-1" });
 */
export async function createDataRow(
  client: LbxClient,
  datasetId: string,
  input: DataRowInput,
  options: CreateDataRowOptions = {},
): Promise<DataRowRecord> {
  const { rowData, fields } = await prepareDataRow(client, datasetId, input, options);
  // The chunk-file item as the Python SDK writes it: the same fields, `dataset_id` last.
  const payload: UpsertPayload = { row_data: rowData, ...fields, dataset_id: datasetId };

  const task = await startUpsertTask(client, [[{ id: { type: "AUTO", value: "" }, payload }]], options);
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
