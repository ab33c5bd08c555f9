// The modern import (`upsertDataRows`, SDK 3.67+): a manifest lists chunk files of specs
// `{id: {type: AUTO|ID|GKEY, value}, payload: {...}}`. Each spec succeeds or fails on its own;
// results are paged through `successesfulDataRowImports` / `failedDataRowImports`.
//
// Two passes. Pass 1 creates rows (AUTO specs, and keyed specs whose key does not exist yet but
// that carry row data); pass 2 applies updates (keyed specs whose target exists). The SDK writes
// specs from a thread pool in arbitrary order (spec §7.1, checklist item 8), so a task that both
// creates a row and updates it by global key must not depend on which came first in the file.
//
// Outcomes and progress are committed in the same transaction as the rows, so a task resumed
// after a crash continues exactly where the last commit left it.
import type { TaskServices } from "../context.js";
import type { TaskRecord } from "../db/records.js";
import type { ReadScratch } from "../files.js";
import { finishRow, type FinishEnv, type PreparedRow } from "../ingest/prepare.js";
import { parseChunk, specEntry, specOfRow, type ChunkSpecs, type SpecEntry } from "../ingest/spec-entry.js";
import { RowWriter } from "../ingest/writer.js";
import { isoTimestamp } from "../time.js";
import type { TaskControl, TaskWorker } from "./runner.js";

/** The task's input, written by the `upsertDataRows` resolver. */
export interface UpsertInput {
  operation: string | null;
  baseUrl: string;
  chunks: string[];
  itemCount: number;
}

interface Progress {
  pass: 1 | 2;
  /** The next item index to consider in this pass. */
  item: number;
  /** Items per chunk file (known after pass 1), so pass 2 reads only chunks with work left. */
  chunkSizes?: number[];
  /** Items pass 1 left for pass 2. */
  deferred?: number;
}

export const upsertWorker: TaskWorker = async (services, task, control) => {
  const input = JSON.parse(task.input) as UpsertInput;
  const { store } = services;
  const now = () => isoTimestamp(services.clock());
  let progress: Progress = task.progress ? (JSON.parse(task.progress) as Progress) : { pass: 1, item: 0 };
  const finishEnv: FinishEnv = { orgSeq: task.orgSeq, files: services.files, baseUrl: input.baseUrl };
  const datasets = new Map<string, number | null>();
  const datasetSeqOf = (id: string | null): number | null => {
    if (!id) return null;
    if (!datasets.has(id)) {
      const d = store.datasets.byId(id);
      datasets.set(id, d && d.orgSeq === task.orgSeq && !d.deleted ? d.seq : null);
    }
    return datasets.get(id) ?? null;
  };
  const estimate = Math.max(1, input.itemCount);
  // One timestamp per batch: rows written in the same transaction share it.
  let stamp = now();
  const writer = new RowWriter(store, () => stamp);
  const log = store.results.log(task.seq);

  // Items pass 1 has left for pass 2 so far.
  let deferred = 0;
  // Completion counts pass 2 by the items it has to redo, so a task of creates only (no pass 2)
  // nears 100% as its last row is written, and a client polling it can tell when it will be done.
  let completion = 0;
  const completionAt = (next: Progress): number => {
    const later = next.pass === 1 ? deferred : (next.deferred ?? estimate);
    const done = next.pass === 1 ? next.item : estimate + (later * next.item) / estimate;
    return (completion = Math.max(completion, Math.min(99, Math.floor((99 * done) / (estimate + later)))));
  };
  const commit = (entries: SpecEntry[], apply: (e: SpecEntry) => void, next: Progress): void => {
    stamp = now();
    store.transaction(() => {
      for (const e of entries) apply(e);
      writer.flush();
      log.flush();
      store.tasks.setProgress(task.seq, next, completionAt(next), now());
    });
    progress = next;
  };
  const ontology = services.ontologies.of(task.orgSeq);
  const fail = (e: SpecEntry, reason: string): void => log.failure(e.index, reason, e.spec ?? specOfRow(e, ontology));
  const create = (e: SpecEntry, row: PreparedRow): void => {
    const datasetSeq = datasetSeqOf(e.datasetId);
    if (datasetSeq === null) return fail(e, "dataset_id is missing or names no dataset of this organization");
    const outcome = writer.create(task.orgSeq, datasetSeq, finishRow(row, finishEnv));
    if (outcome.ok) log.success(e.index, outcome.seq);
    else fail(e, outcome.reason);
  };
  const gkeyOf = (e: SpecEntry): PreparedRow["globalKey"] =>
    e.key?.type === "GKEY" ? { key: e.key.value, norm: e.keyNorm!, sanitized: false } : undefined;

  // Pass 1: creates.
  if (progress.pass === 1) {
    const chunkSizes: number[] = [];
    const max = services.limits.maxRowsPerTask;
    let total: number;
    try {
      total = await forEachChunk(services, task, input, control, progress.item, null, chunkSizes, (batch, nextItem) =>
        commit(
          batch,
          (e) => {
            if (e.failure !== null) return fail(e, e.failure);
            const row = e.row!;
            if (e.key?.type === "ID") return void (deferred += 1); // pass 2
            if (e.key?.type === "GKEY") {
              if (store.rows.seqByGlobalKey(task.orgSeq, e.keyNorm!) !== undefined || row.rowData === undefined) return void (deferred += 1); // pass 2
              return create(e, row.globalKey === undefined ? { ...row, globalKey: gkeyOf(e) } : row);
            }
            if (row.rowData === undefined) return fail(e, "row_data is required to create a data row");
            create(e, row);
          },
          { pass: 1, item: nextItem },
        ),
        max,
      );
    } catch (error) {
      if (!(error instanceof TooManyItems)) throw error;
      // The manifest's item_count (checked by the resolver) said less. Nothing of a refused task
      // stays: the rows its earlier chunks created are deleted again, with their outcomes.
      store.transaction(() => {
        for (const s of store.results.successes(task.seq, -1, Number.MAX_SAFE_INTEGER)) writer.delete(s.rowSeq);
        writer.flush();
        store.results.clear(task.seq);
      });
      store.tasks.finish(task.seq, "FAILED", { error: `A task can hold at most ${max} data rows; this one has ${error.total}` }, now());
      return;
    }
    // A resumed pass 1 did not see the items before its resume point: let pass 2 look at them all.
    commit([], () => undefined, { pass: 2, item: 0, chunkSizes, deferred: task.progress ? total : deferred });
  }

  // Pass 2: updates of keyed specs that pass 1 left without an outcome.
  if (progress.deferred === 0) {
    store.tasks.finish(task.seq, "COMPLETE", {}, now());
    return;
  }
  const done = new Set(store.results.doneItems(task.seq));
  await forEachChunk(services, task, input, control, progress.item, done, progress.chunkSizes ?? null, (batch, nextItem) =>
    commit(
      batch,
      (e) => {
        if (e.failure !== null) return fail(e, e.failure);
        const row = e.row!;
        let target: number | undefined;
        if (e.key?.type === "ID") {
          const seq = store.ids.decode("row", e.key.value);
          const existing = seq === null ? undefined : store.rows.get(seq);
          target = existing && existing.orgSeq === task.orgSeq ? existing.seq : undefined;
          if (target === undefined) return fail(e, `Data row not found: ${e.key.value}`);
        } else if (e.key?.type === "GKEY") {
          target = store.rows.seqByGlobalKey(task.orgSeq, e.keyNorm!);
          if (target === undefined) {
            if (row.rowData === undefined) return fail(e, `No data row has the global key '${e.key.value}' and the spec has no row_data to create one`);
            return create(e, row.globalKey === undefined ? { ...row, globalKey: gkeyOf(e) } : row);
          }
        } else return; // AUTO specs all got an outcome in pass 1
        const outcome = writer.update(target, finishRow(row, finishEnv));
        if (outcome.ok) log.success(e.index, target);
        else fail(e, outcome.reason);
      },
      { ...progress, pass: 2, item: nextItem },
    ),
  );
  store.tasks.finish(task.seq, "COMPLETE", {}, now());
};

/**
 * Walks the checked specs of all chunk files from item `from`, in batches of `control.batchSize`,
 * calling `handle` with each batch and the index after it, and pausing between batches. With
 * `skip`, only items NOT in it are handed over (pass 2), and with known `sizes` a chunk whose
 * items are all skipped is not even read. Unknown sizes are filled in. Returns the number of items
 * seen. One chunk file's bytes are in memory at a time (in a buffer reused from chunk to chunk),
 * and its specs are parsed one by one as they are checked (see ingest/json-array.ts for why).
 */
async function forEachChunk(
  services: TaskServices,
  task: TaskRecord,
  input: UpsertInput,
  control: TaskControl,
  from: number,
  skip: Set<number> | null,
  sizes: number[] | null,
  handle: (batch: SpecEntry[], nextItem: number) => void,
  limit = Infinity,
): Promise<number> {
  const rules = { ontology: services.ontologies.of(task.orgSeq), limits: services.limits };
  const scratch: ReadScratch = { buffer: Buffer.alloc(0) };
  let base = 0;
  for (let c = 0; c < input.chunks.length; c++) {
    const known = sizes?.[c];
    if (known !== undefined && (base + known <= from || (skip !== null && allIn(skip, base, base + known)))) {
      base += known;
      continue;
    }
    const blob = services.files.get(input.chunks[c] ?? "");
    if (!blob || blob.orgSeq !== task.orgSeq) throw new Error(`Chunk file ${c + 1} of the manifest is missing`);
    let items: ChunkSpecs;
    try {
      items = parseChunk(services.files.readBytes(blob, scratch));
    } catch (error) {
      throw new Error(`Chunk file ${c + 1} of the manifest ${error instanceof Error ? error.message : String(error)}`);
    }
    if (sizes && known === undefined) sizes[c] = items.length;
    // Before any spec of a chunk that takes the task past the limit is written.
    if (base + items.length > limit) throw new TooManyItems(base + items.length + countRest(services, input, c + 1, scratch));
    // Specs are checked one batch at a time, so each batch's objects die young (cheap to collect).
    let batch: SpecEntry[] = [];
    for (let i = Math.max(0, from - base); i < items.length; i++) {
      const index = base + i;
      if (skip?.has(index)) continue;
      batch.push(specEntry(index, items.at(i), rules));
      if (batch.length >= control.batchSize) {
        handle(batch, index + 1);
        batch = [];
        await control.pause();
      }
    }
    if (batch.length) {
      handle(batch, base + items.length);
      await control.pause();
    }
    base += items.length;
  }
  return base;
}

/** A task whose chunk files hold more items than a task may (`total` of them). */
class TooManyItems extends Error {
  constructor(readonly total: number) {
    super(`The task holds ${total} items`);
  }
}

/** Items in the chunk files from `from` on (for the refusal's message; unreadable ones count 0). */
function countRest(services: TaskServices, input: UpsertInput, from: number, scratch: ReadScratch): number {
  let n = 0;
  for (let c = from; c < input.chunks.length; c++) {
    const blob = services.files.get(input.chunks[c] ?? "");
    if (!blob) continue;
    try {
      n += parseChunk(services.files.readBytes(blob, scratch)).length;
    } catch {
      // Reported as what it is if the task is ever run with it; the count is only for a message.
    }
  }
  return n;
}

function allIn(set: Set<number>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!set.has(i)) return false;
  return true;
}
