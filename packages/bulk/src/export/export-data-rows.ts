import { execute, exportDataRowsInCatalogPyApiDocument, LabelboxError, type LbxClient, type ValidationIssue, ValidationError } from "@lbx/core";
import { throwIfAborted } from "../abort.js";
import { NdjsonParseError } from "../ndjson.js";
import { type RetryOptions, withRetry } from "../retry.js";
import { taskHandle } from "../task-handle.js";
import { exportInput, exportQueries } from "./filters.js";
import { exportBytes, streamHeader } from "./stream.js";
import type { ExportedDataRow, ExportOptions } from "./types.js";

/** Python `ExportTask.wait_till_done`'s default: large exports take a while on the server. */
export const DEFAULT_EXPORT_TIMEOUT_SECONDS = 7200;

/**
 * The data rows of a dataset, streamed from the server's export (Python `dataset.export()`,
 * spec §8.2), as an async iterable of typed rows in the order the server wrote them. Memory holds
 * one network read at a time, however large the dataset: a million rows stream through in a few
 * megabytes. Nothing is requested until iteration starts; breaking out of the loop stops it.
 *
 * With `dataRowIds` or `globalKeys`, only those rows are exported, in exports of at most 2,000
 * ids each, one after another. Each export task must finish within `timeoutSeconds`, else a
 * `TaskTimeoutError` carrying its task id is thrown.
 *
 * @example
 * for await (const row of exportDataRows(client, dataset.id, { includeMetadata: true })) {
 *   console.log(row.data_row.global_key, row.metadata_fields);
 * }
 */
export async function* exportDataRows(client: LbxClient, datasetId: string, options: ExportOptions = {}): AsyncGenerator<ExportedDataRow> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 0;
  for await (const bytes of exportDataRowBytes(client, datasetId, options)) {
    const text = decoder.decode(bytes);
    let start = 0;
    for (;;) {
      const newline = text.indexOf("\n", start);
      const end = newline < 0 ? text.length : newline;
      if (end > start) {
        line += 1;
        const slice = text.slice(start, end);
        let row: ExportedDataRow;
        try {
          row = JSON.parse(slice) as ExportedDataRow;
        } catch (error) {
          throw new NdjsonParseError(`export line ${line} is not valid JSON: ${(error as Error).message}`, line);
        }
        // One network read holds many rows: none of them comes after an abort.
        throwIfAborted(options.signal);
        yield row;
      }
      if (newline < 0) break;
      start = newline + 1;
    }
  }
}

/**
 * The raw NDJSON bytes of the export(s) {@link exportDataRows} reads, each piece ending at a line
 * boundary: for writing an export to a file or a socket without parsing it.
 */
export async function* exportDataRowBytes(client: LbxClient, datasetId: string, options: ExportOptions = {}): AsyncGenerator<Uint8Array> {
  const issues: ValidationIssue[] = [];
  if (typeof datasetId !== "string" || datasetId.trim() === "") issues.push({ path: "datasetId", message: "must be a non-empty string" });
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_EXPORT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) issues.push({ path: "timeoutSeconds", message: `must be a positive number, got ${timeoutSeconds}` });
  if (issues.length) throw new ValidationError(`Invalid export options: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
  const queries = exportQueries(datasetId, options);
  const { signal } = options;
  const retry: RetryOptions = { attempts: options.retryAttempts ?? 8, signal, clock: client.clock };
  const params = {
    includeMetadata: options.includeMetadata === true,
    includeAttachments: options.includeAttachments === true,
    includeDataRowDetails: options.includeDataRowDetails === true,
  };
  for (const query of queries) {
    throwIfAborted(signal);
    // Starting an export changes no data: a repeat only costs the server some work, so it may be retried.
    const started = await withRetry(
      () => execute(client, exportDataRowsInCatalogPyApiDocument, { input: exportInput(query, params) }, { signal }, true),
      retry,
    );
    const taskId = started.exportDataRowsInCatalog.taskId;
    options.onTask?.(taskId);
    await taskHandle(client, taskId).waitTillDone({ timeout: timeoutSeconds * 1000, signal });
    const header = await streamHeader(client, taskId, retry);
    if (!header) continue;
    let lines = 0;
    for await (const bytes of exportBytes(client, taskId, header, retry)) {
      for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines += 1;
      if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lines += 1;
      // One network read can be handed out in two pieces: none of them comes after an abort.
      throwIfAborted(signal);
      yield bytes;
    }
    if (header.totalLines !== undefined && lines !== header.totalLines) {
      throw new LabelboxError("BAD_RESPONSE", `Export ${taskId} streamed ${lines} lines; the server announced ${header.totalLines}`, { operationName: "GetExportFileFromOffsetPyApi" });
    }
  }
}
