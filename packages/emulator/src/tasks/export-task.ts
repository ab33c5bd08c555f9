// Export tasks. v2 (`exportDataRowsInCatalog`) writes NDJSON that streamable clients read in
// byte ranges (`exportFileFromOffset`) and older clients download whole from `Task.result`; v1
// (`exportDatasetDataRows`) writes NDJSON served at `downloadUrl`. A restarted export starts over.
import type { TaskServices } from "../context.js";
import type { DataRowRecord, DatasetRecord, TaskRecord } from "../db/records.js";
import { NdjsonWriter } from "../exports/ndjson-writer.js";
import { v1Line, v2LineBuilder, type V2Params } from "../exports/lines.js";
import { datasetJson, SqlV2Lines } from "../exports/sql-lines.js";
import { metadataPartRows } from "../metadata/export-text.js";
import { ExportHelper, exportWorkerFile } from "../exports/export-helper.js";
import { isoTimestamp } from "../time.js";
import type { TaskControl, TaskWorker } from "./runner.js";

/** The task's input, written by the export resolvers. */
export interface ExportInput {
  operation: string | null;
  version: 1 | 2;
  /** Datasets to walk, in order; empty = rows named by `rowSeqs` / `globalKeys` only. */
  datasets: number[];
  rowSeqs: number[] | null;
  /** Normalized global keys. */
  globalKeys: string[] | null;
  /** Inclusive bounds on the row's last activity (updatedAt), as wire timestamps. */
  activity: { min: string | null; max: string | null } | null;
  /** A filter that no row can match (e.g. on labels, which the emulator does not have). */
  matchNothing: boolean;
  params: V2Params;
  streamable: boolean;
  /** v1: which cached export this is (dataset and metadata flag). */
  key?: string;
}

const READ_BATCH = 5_000;
/** Below this many rows a dataset is exported on one thread (starting a worker costs ~0.1 s). */
const SPLIT_MIN_ROWS = 10_000;
/**
 * The worker's share of a split dataset's ranges: the main thread also writes every byte and
 * serves HTTP, so it builds fewer lines.
 */
const WORKER_SHARE = 0.6;
/**
 * Ranges the main thread builds first, whatever the share: the worker needs ~0.2-0.3 s to start
 * (module, connection, statement), and the main thread used to wait that long for its first range.
 */
const MAIN_FIRST = 3;

/**
 * A dataset's rows cut into ranges of READ_BATCH rows, `[after, until]` by seq (the last one
 * open-ended), or null when too few to split. Cut on the dataset index alone, in SQL; both
 * threads still filter by organization, so this only decides who builds which rows.
 */
function splitRanges(services: TaskServices, datasetSeq: number): Array<[number, number]> | null {
  // One short index walk per cut (a window function numbering every row took 0.4 s for 600,000).
  const nextCut = services.store.db.prepare(`SELECT seq FROM data_rows WHERE dataset_seq = ? AND seq > ? ORDER BY seq LIMIT 1 OFFSET ${READ_BATCH - 1}`).pluck();
  const ranges: Array<[number, number]> = [];
  let after = 0;
  for (let cut = nextCut.get(datasetSeq, after) as number | undefined; cut !== undefined; cut = nextCut.get(datasetSeq, after) as number | undefined) {
    ranges.push([after, cut]);
    after = cut;
  }
  if (ranges.length * READ_BATCH < SPLIT_MIN_ROWS) return null;
  ranges.push([after, Number.MAX_SAFE_INTEGER]);
  return ranges;
}

export const exportWorker: TaskWorker = async (services, task, control) => {
  const input = JSON.parse(task.input) as ExportInput;
  const { store, files } = services;
  const now = () => isoTimestamp(services.clock());
  const ontology = services.ontologies.of(task.orgSeq);
  const { id: blobId, relPath, absPath } = files.allocate();
  const writer = new NdjsonWriter(absPath, services.settings.exportChunkBytes);
  const datasets = new Map<number, DatasetRecord | undefined>();
  const datasetOf = (seq: number): DatasetRecord | undefined => {
    if (!datasets.has(seq)) datasets.set(seq, store.datasets.bySeq(seq));
    return datasets.get(seq);
  };
  const attachmentId = (seq: number): string => store.ids.encode("attachment", seq);
  const v2Line = v2LineBuilder(ontology, input.params, attachmentId);
  // Whole datasets of a v2 export (the bulk case): SQLite builds the lines (exports/sql-lines.ts).
  const wholeDatasetsV2 = input.version === 2 && !input.matchNothing && input.datasets.length > 0 && !input.rowSeqs && !input.globalKeys && !input.activity;
  // Completion is the share of lines written when their number is known in advance (whole
  // datasets: their row counts), so a client can tell from two polls when the export will be
  // done; otherwise it counts lines up to 99, as before.
  const expected = wholeDatasetsV2 ? input.datasets.reduce((sum, seq) => sum + (datasetOf(seq)?.rowCount ?? 0), 0) : 0;
  let written = 0;
  const progress = (lines: number): void => {
    written += lines;
    const completion = expected > 0 ? Math.floor((99 * Math.min(written, expected)) / expected) : Math.min(99, written);
    store.tasks.setProgress(task.seq, null, completion, now());
  };
  let sqlLines: SqlV2Lines | null = null;
  let helper: ExportHelper | null = null;
  try {
    if (wholeDatasetsV2) {
      const parts = metadataPartRows(ontology);
      const validKeys = input.params.includeMetadata ? store.rows.exportKeys.validKeys(parts) : [];
      sqlLines = new SqlV2Lines(store.db, store.ids, parts, validKeys, input.params, task.seq);
      const workerFile = services.settings.exportThreads > 1 && store.file ? exportWorkerFile() : null;
      for (const datasetSeq of input.datasets) {
        const dataset = datasetJson(datasetOf(datasetSeq));
        // A large dataset on two threads (file stores, built code only): its rows are cut into
        // ranges of ~READ_BATCH rows; a worker (exports/export-worker.ts) builds some of them and
        // hands their bytes over, the main thread builds the others and writes all of them in
        // order: the same bytes and chunk index as one thread, in less time on two cores.
        const ranges = workerFile ? splitRanges(services, datasetSeq) : null;
        const mine = ranges?.map((_, i) => i < MAIN_FIRST || Math.floor((i + 1) * WORKER_SHARE) === Math.floor(i * WORKER_SHARE));
        // A split that leaves the worker nothing (a few ranges) is built here, without starting it.
        if (ranges && mine && mine.some((m) => !m)) {
          helper = new ExportHelper(workerFile!, { dbPath: store.file!, salt: store.idSalt, parts, validKeys, params: input.params, exportKey: task.seq, datasetSeq, orgSeq: task.orgSeq, dataset, ranges: ranges.filter((_, i) => !mine[i]) });
          services.log(`export task ${task.id}: ${mine.filter((m) => !m).length} of ${ranges.length} row ranges of dataset ${datasetSeq} on a worker thread`);
          for (let i = 0; i < ranges.length; i++) {
            if (mine[i]) {
              const [after, until] = ranges[i]!;
              const batch = sqlLines.batch(dataset, datasetSeq, task.orgSeq, after, Number.MAX_SAFE_INTEGER, until);
              for (const line of batch.lines) writer.line(line);
              progress(batch.lines.length);
              await control.pause();
            } else {
              const range = await helper.next();
              writer.appendEncoded(Buffer.from(range.bytes, 0, range.byteLength), range.lengths, range.count);
              helper.written(range);
              progress(range.count);
            }
          }
          await helper.stop();
          helper = null;
          continue;
        }
        for (let after = 0; ; ) {
          const batch = sqlLines.batch(dataset, datasetSeq, task.orgSeq, after, READ_BATCH);
          if (batch.lines.length === 0) break;
          after = batch.lastSeq;
          for (const line of batch.lines) writer.line(line);
          progress(batch.lines.length);
          await control.pause();
        }
      }
    } else {
      for await (const batch of rowBatches(services, task, input, control)) {
        for (const row of batch) {
          const id = store.ids.encode("row", row.seq);
          writer.line(input.version === 1 ? v1Line(id, row, ontology, input.params.includeMetadata) : v2Line(id, row, datasetOf(row.datasetSeq)));
        }
        progress(batch.length);
      }
    }
  } catch (error) {
    writer.close();
    files.discard(absPath);
    throw error;
  } finally {
    try {
      sqlLines?.close();
    } finally {
      await helper?.stop();
    }
  }
  const index = writer.close();
  store.transaction(() => {
    files.register(task.orgSeq, blobId, relPath, index.totalSize, "application/x-ndjson", input.version === 1 ? "export.ndjson" : "export-result.ndjson");
    store.tasks.setProgress(task.seq, index, 100, now());
    store.tasks.finish(task.seq, "COMPLETE", { resultBlob: blobId }, now());
  });
};

/** The rows an export covers, in batches, pausing between them. */
async function* rowBatches(services: TaskServices, task: TaskRecord, input: ExportInput, control: TaskControl): AsyncGenerator<DataRowRecord[]> {
  if (input.matchNothing) return;
  const { store } = services;
  const onlySeqs = input.rowSeqs ? new Set(input.rowSeqs) : null;
  const onlyKeys = input.globalKeys ? new Set(input.globalKeys) : null;
  const keep = (row: DataRowRecord): boolean =>
    row.orgSeq === task.orgSeq &&
    (!onlySeqs || onlySeqs.has(row.seq)) &&
    (!onlyKeys || (row.globalKey !== null && onlyKeys.has(row.globalKey.toLowerCase()))) &&
    (!input.activity || ((input.activity.min === null || row.updatedAt >= input.activity.min) && (input.activity.max === null || row.updatedAt <= input.activity.max)));
  if (input.datasets.length === 0) {
    const seqs = new Set<number>(input.rowSeqs ?? []);
    for (const key of input.globalKeys ?? []) {
      const seq = store.rows.seqByGlobalKey(task.orgSeq, key);
      if (seq !== undefined) seqs.add(seq);
    }
    const rows = [...seqs]
      .sort((a, b) => a - b)
      .map((s) => store.rows.get(s))
      .filter((r): r is DataRowRecord => r !== undefined && keep(r));
    if (rows.length) yield rows;
    return;
  }
  for (const datasetSeq of input.datasets) {
    let after = 0;
    for (;;) {
      const rows = store.rows.datasetBatch(datasetSeq, after, READ_BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.seq;
      const kept = onlySeqs || onlyKeys || input.activity ? rows.filter(keep) : rows.filter((r) => r.orgSeq === task.orgSeq);
      if (kept.length) yield kept;
      await control.pause();
    }
  }
}
