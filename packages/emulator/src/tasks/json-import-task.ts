// The classic import task ("JSON Import", SDK <= 3.71): a descriptor file of items is imported
// into one dataset; the task's `result` is the URL of a JSON file
// `{createdDataRows, errors[, error]}` that the SDK downloads and parses.
import type { TaskServices } from "../context.js";
import type { TaskRecord } from "../db/records.js";
import { readItem } from "../ingest/items.js";
import { prepareRow, type PrepareEnv } from "../ingest/prepare.js";
import { RowWriter } from "../ingest/writer.js";
import { type BatchRejection, keysTaken, rejectBatch, rowError, type ResultError } from "../ingest/classic.js";
import { isoTimestamp } from "../time.js";
import type { TaskWorker } from "./runner.js";

/** The task's input, written by the `appendRowsToDataset` resolver. */
export interface JsonImportInput {
  operation: string | null;
  baseUrl: string;
  datasetSeq: number;
  descriptor: string;
}

export const jsonImportWorker: TaskWorker = async (services, task, control) => {
  const input = JSON.parse(task.input) as JsonImportInput;
  const { store, files } = services;
  const now = () => isoTimestamp(services.clock());
  const ontology = services.ontologies.of(task.orgSeq);
  const blob = files.get(input.descriptor);
  if (!blob || blob.orgSeq !== task.orgSeq) throw new Error("The descriptor file is missing");
  let items: unknown;
  try {
    items = JSON.parse(files.readText(blob));
  } catch {
    throw new Error("The descriptor file is not valid JSON");
  }
  if (!Array.isArray(items)) throw new Error("The descriptor file must be a JSON array of data rows");
  if (items.length > services.limits.maxRowsPerTask) {
    throw new Error(`Cannot create more than ${services.limits.maxRowsPerTask} DataRows per task; the descriptor has ${items.length}`);
  }
  const org = store.orgs.org(task.orgSeq);
  const resumed = task.progress !== null;
  if (!resumed && !org?.adv) {
    const rejection = rejectBatch(items, store, task.orgSeq, services.limits.maxGlobalKeyLength, ontology);
    if (rejection) return reject(rejection);
  }
  function reject(rejection: BatchRejection): void {
    const file = files.write(task.orgSeq, JSON.stringify({ createdDataRows: [], errors: rejection.errors, error: rejection.error }), "application/json", "result.json");
    store.tasks.finish(task.seq, "FAILED", { resultBlob: file.id, error: typeof rejection.error === "string" ? rejection.error : rejection.error.message }, now());
  }
  const env: PrepareEnv = { orgSeq: task.orgSeq, ontology, limits: services.limits, files, baseUrl: input.baseUrl };
  let stamp = now();
  const writer = new RowWriter(store, () => stamp);
  const log = store.results.log(task.seq);
  let next = resumed ? (JSON.parse(task.progress!) as { item: number }).item : 0;
  while (next < items.length) {
    const end = Math.min(items.length, next + control.batchSize);
    const prepared: Array<{ index: number; row: ReturnType<typeof prepareRow> | { ok: false; reason: string } }> = [];
    for (let i = next; i < end; i++) {
      const item = readItem(items[i]);
      const row = item.ok ? prepareRow(item.input, env, true) : item;
      prepared.push({ index: i, row });
    }
    stamp = now();
    try {
      store.transaction(() => {
        for (const { index, row } of prepared) {
          if (!row.ok) {
            log.failure(index, row.reason, JSON.stringify(items[index]));
            continue;
          }
          const outcome = writer.create(task.orgSeq, input.datasetSeq, row.row);
          if (outcome.ok) log.success(index, outcome.seq);
          else if (!org?.adv && row.row.globalKey) throw new KeyTaken(row.row.globalKey.key, items[index]);
          else log.failure(index, outcome.reason, JSON.stringify(items[index]));
        }
        writer.flush();
        log.flush();
        store.tasks.setProgress(task.seq, { item: end }, Math.min(99, Math.floor((end / items.length) * 100)), now());
      });
    } catch (error) {
      if (!(error instanceof KeyTaken)) throw error;
      // A task running at the same time took a key after the whole-batch check: the batch still
      // fails as a whole, as that check would have failed it (this batch was rolled back; the
      // rows of earlier ones are deleted again, with a writer of its own: `writer` counted rows
      // of the rolled-back transaction).
      const undo = new RowWriter(store, () => stamp);
      store.transaction(() => {
        for (const s of store.results.successes(task.seq, -1, Number.MAX_SAFE_INTEGER)) undo.delete(s.rowSeq);
        undo.flush();
        store.results.clear(task.seq);
      });
      return reject(keysTaken([error.key], [error.item], ontology));
    }
    next = end;
    if (next < items.length) await control.pause();
  }
  const result = resultFile(services, task, ontology);
  const file = files.write(task.orgSeq, JSON.stringify(result), "application/json", "result.json");
  store.tasks.finish(task.seq, "COMPLETE", { resultBlob: file.id }, now());
};

/**
 * Writes the result file of a "JSON Import" task that failed: what it created and refused before
 * failing, and the `error` (spec §7.1). The Python SDK reads a FAILED task's `errors` from this
 * file, and crashes (requests.get(None)) when the task has none. Returns the file's blob id.
 */
export function writeFailedResult(services: TaskServices, task: TaskRecord, error: string): string {
  const result = { ...resultFile(services, task, services.ontologies.of(task.orgSeq)), error };
  return services.files.write(task.orgSeq, JSON.stringify(result), "application/json", "result.json").id;
}

/** `{createdDataRows, errors}` from the task's recorded outcomes, in input order. */
function resultFile(services: TaskServices, task: TaskRecord, ontology: PrepareEnv["ontology"]): { createdDataRows: unknown[]; errors: ResultError[] } {
  const { store } = services;
  const created: unknown[] = [];
  for (let after = -1; ; ) {
    const page = store.results.successes(task.seq, after, 5000);
    if (page.length === 0) break;
    for (const s of page) {
      const row = store.rows.get(s.rowSeq);
      created.push({ id: store.ids.encode("row", s.rowSeq), externalId: row?.externalId ?? null, rowData: row?.rowData ?? null, globalKey: row?.globalKey ?? null });
    }
    after = page[page.length - 1]!.item;
  }
  const errors: ResultError[] = [];
  for (let after = -1; ; ) {
    const page = store.results.failures(task.seq, after, 5000);
    if (page.length === 0) break;
    for (const f of page) errors.push(rowError(f.message, JSON.parse(f.spec), ontology));
    after = page[page.length - 1]!.item;
  }
  return { createdDataRows: created, errors };
}

/** A global key found taken while a non-ADV batch was being written (see the loop above). */
class KeyTaken extends Error {
  constructor(
    readonly key: string,
    readonly item: unknown,
  ) {
    super(`Duplicate global key: '${key}'`);
  }
}
