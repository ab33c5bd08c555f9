// Upsert tasks on worker threads (file stores, built code only; see task-thread.ts for the thread
// side). Each thread has its own SQLite connection to the store's WAL file: reading and parsing
// chunk files and checking specs happen outside any transaction, so two tasks' checking runs in
// parallel on two cores, and only their write transactions take turns (the write lock; SQLite's
// busy timeout makes the other wait). The main thread keeps serving HTTP meanwhile.
import { Worker } from "node:worker_threads";
import type { Services } from "../context.js";
import type { Limits } from "../rules/limits.js";
import type { RuntimeSettings } from "../context.js";
import { isoTimestamp } from "../time.js";
import { builtWorkerFile } from "../worker-file.js";

/** How long task threads stay up without a task. */
const IDLE_MS = 500;

/** What every task thread gets (its `workerData`). */
export interface TaskThreadConfig {
  dataDir: string;
  limits: Limits;
  settings: RuntimeSettings;
  legacyEmbeddingSchema: boolean;
  fileUrlTtlSeconds: number;
  /** Int32 [0]: 1 once the runner is closing (threads stop at their next pause). */
  stop: SharedArrayBuffer;
}

/** Messages of a task thread. */
export type TaskThreadMessage = { kind: "done"; taskSeq: number } | { kind: "log"; line: string };

/** The built task-thread entry, or null when running from sources (upsert tasks then run in-process). */
export const taskThreadFile = (): string | null => builtWorkerFile("task-thread");

interface Slot {
  worker: Worker;
  /** The task it runs, with the promise to settle when it is done. */
  current: { taskSeq: number; resolve: () => void; reject: (error: Error) => void } | null;
}

/** A fixed number of task threads, started on first use; tasks beyond them wait for a free one. */
export class TaskThreads {
  private readonly slots: Array<Slot | null>;
  private readonly waiting: Array<() => void> = [];
  private readonly stopFlag: Int32Array;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly file: string,
    private readonly config: Omit<TaskThreadConfig, "stop">,
    count: number,
    private readonly services: Pick<Services, "store" | "log" | "clock">,
  ) {
    this.slots = Array.from({ length: count }, () => null);
    this.stopFlag = new Int32Array(new SharedArrayBuffer(4));
  }

  /** Runs upsert task `taskSeq` on a free thread; resolves when the thread is done with it (finished or stopped). */
  async run(taskSeq: number): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (;;) {
      const index = this.slots.findIndex((s) => s === null || s.current === null);
      if (index >= 0) {
        const slot = (this.slots[index] ??= this.start(index));
        return new Promise<void>((resolve, reject) => {
          slot.current = { taskSeq, resolve, reject };
          slot.worker.postMessage({ taskSeq });
        }).finally(() => {
          slot.current = null;
          const next = this.waiting.shift();
          if (next) next();
          else if (this.slots.every((s) => s === null || s.current === null)) this.endWhenIdle();
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Asks every thread to stop at its next pause (their tasks stay IN_PROGRESS). */
  stop(): void {
    Atomics.store(this.stopFlag, 0, 1);
  }

  /**
   * Ends the threads once none has had a task for IDLE_MS: an idle thread holds ~50 MB (its heap
   * and connection), which would otherwise add to the memory of everything that follows (an
   * export, with threads of its own). Starting one again costs ~0.2 s.
   */
  private endWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      for (let i = 0; i < this.slots.length; i++) {
        const slot = this.slots[i];
        if (slot && slot.current === null) {
          this.slots[i] = null;
          void slot.worker.terminate();
        }
      }
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  /** Ends the threads (after `stop()` and once their tasks have returned). */
  async terminate(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await Promise.all(this.slots.map((s) => s?.worker.terminate()));
    this.slots.fill(null);
  }

  private start(index: number): Slot {
    const config: TaskThreadConfig = { ...this.config, stop: this.stopFlag.buffer as SharedArrayBuffer };
    // The bin's 32 MiB semi-spaces (src/bin.ts) apply to the main isolate only; the same for
    // the thread here (V8's young generation is 3 semi-spaces): imports allocate a lot of
    // short-lived objects.
    const worker = new Worker(this.file, { workerData: config, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    const slot: Slot = { worker, current: null };
    this.services.log(`upsert task thread ${index + 1} started`);
    worker.on("message", (m: TaskThreadMessage) => {
      if (m.kind === "log") this.services.log(m.line);
      else if (slot.current?.taskSeq === m.taskSeq) slot.current.resolve();
    });
    const lost = (error: Error): void => {
      if (this.slots[index] === slot) this.slots[index] = null;
      const current = slot.current;
      if (!current) return;
      // A thread that died mid-task is a bug: fail the task as an in-process error would. This
      // runs in a worker event handler, so a store error here must not escape (it would crash
      // the server); it is logged, and the task is resumed or failed on the next start.
      this.services.log(`upsert task thread failed: ${error.stack ?? error.message}`);
      try {
        const task = this.services.store.tasks.bySeq(current.taskSeq);
        if (task?.status === "IN_PROGRESS" && Atomics.load(this.stopFlag, 0) === 0) {
          this.services.store.tasks.finish(task.seq, "FAILED", { error: error.message }, isoTimestamp(this.services.clock()));
        }
      } catch (storeError) {
        this.services.log(`could not record the failure of task ${current.taskSeq}: ${storeError instanceof Error ? storeError.message : String(storeError)}`);
      } finally {
        current.resolve();
      }
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`The task thread exited with code ${code}`)));
    return slot;
  }
}
