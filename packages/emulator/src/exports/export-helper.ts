// The export's second thread, seen from the main thread (see export-worker.ts for its side): it
// builds the lines of some seq ranges of a dataset and hands them over encoded, in order.
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { DatasetJson } from "./sql-lines.js";
import type { MetadataPartRow } from "../metadata/export-text.js";
import type { ValidKey } from "../db/export-keys.js";
import type { V2Params } from "./lines.js";
import { builtWorkerFile } from "../worker-file.js";

/** The built export worker, or null (running from sources): the export then stays on one thread, with the same bytes. */
export const exportWorkerFile = (): string | null => builtWorkerFile("export-worker");

/** What the worker is asked to do (its `workerData`). */
export interface ExportHelperJob {
  dbPath: string;
  /** The store's id salt, so the worker's row and attachment ids are the main thread's. */
  salt: string;
  parts: MetadataPartRow[];
  /** The keys of stored metadata texts the export copies (see SqlV2Lines). */
  validKeys: ValidKey[];
  params: V2Params;
  exportKey: number;
  datasetSeq: number;
  orgSeq: number;
  dataset: DatasetJson;
  /** The worker's ranges of rows, in order: seq in (after, until]. */
  ranges: Array<[number, number]>;
  /** Int32 [0]: how many of its ranges the main thread has written. */
  consumed: SharedArrayBuffer;
  /** How many encoded ranges may wait for the main thread. */
  ahead: number;
  /** Where the main thread hands written buffers back, for reuse. */
  returns: MessagePort;
}

/** One range's lines, UTF-8 with a newline after each, and the UTF-16 length of each line. */
export interface EncodedRange {
  /** The lines are its first `byteLength` bytes. */
  bytes: ArrayBuffer;
  byteLength: number;
  lengths: Uint32Array;
  count: number;
}

/** A running export worker: its ranges' lines in order, one `next()` per range. */
export class ExportHelper {
  private readonly worker: Worker;
  private readonly consumed = new Int32Array(new SharedArrayBuffer(4));
  private readonly ready: EncodedRange[] = [];
  private waiter: { resolve: (r: EncodedRange) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly returns = new MessageChannel();

  constructor(file: string, job: Omit<ExportHelperJob, "consumed" | "ahead" | "returns">) {
    // The bin's 32 MiB semi-spaces (src/bin.ts) apply to the main isolate only; a worker's young
    // generation is set here (V8: young generation = 3 semi-spaces). Measured on 150,000 lines:
    // 1.87-2.22 s with V8's default, 1.41-1.62 s with this.
    const workerData: ExportHelperJob = { ...job, consumed: this.consumed.buffer, ahead: 4, returns: this.returns.port2 };
    this.worker = new Worker(file, { workerData, transferList: [this.returns.port2], resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    this.worker.on("message", (range: EncodedRange) => {
      if (this.waiter) this.waiter.resolve(range);
      else this.ready.push(range);
      this.waiter = null;
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      this.waiter?.reject(this.failure);
      this.waiter = null;
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`The export worker stopped (exit code ${code}) before handing over all its lines`)));
  }

  /** The next range's lines (in the order of the job's ranges). */
  next(): Promise<EncodedRange> {
    const range = this.ready.shift();
    if (range) return Promise.resolve(range);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  /** Tells the worker one more range has been written (it may run ahead again); hands its buffer back for reuse. */
  written(range: EncodedRange): void {
    this.returns.port1.postMessage(range.bytes, [range.bytes]);
    Atomics.add(this.consumed, 0, 1);
    Atomics.notify(this.consumed, 0);
  }

  /** Stops the worker. */
  async stop(): Promise<void> {
    this.returns.port1.close();
    await this.worker.terminate();
  }
}
