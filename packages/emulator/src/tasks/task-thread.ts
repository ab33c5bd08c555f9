// An upsert task thread (a `worker_threads` entry, built to dist/task-thread.{js,cjs}; the main
// side is task-threads.ts). It opens its own connection to the store and runs the same upsert
// worker as the in-process runner, one task at a time, with its own file and ontology access.
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { TaskServices } from "../context.js";
import { Store } from "../db/store.js";
import { FileStore } from "../files.js";
import { OntologyCache } from "../metadata/ontology-cache.js";
import { systemClock } from "../time.js";
import { executeTask, TaskStopped, type TaskControl } from "./runner.js";
import type { TaskThreadConfig, TaskThreadMessage } from "./task-threads.js";
import { upsertWorker } from "./upsert-task.js";

const config = workerData as TaskThreadConfig;
const stop = new Int32Array(config.stop);
const post = (message: TaskThreadMessage): void => parentPort!.postMessage(message);
const store = new Store(config.dataDir, "attach");
const files = new FileStore(path.join(config.dataDir, "files"), store.secret, store.blobs, systemClock, config.fileUrlTtlSeconds);

const control: TaskControl = {
  batchSize: config.settings.taskBatchSize,
  pause: async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const extra = config.settings.taskBatchDelayMs;
    if (extra > 0) await new Promise<void>((resolve) => setTimeout(resolve, extra));
    if (Atomics.load(stop, 0) === 1) throw new TaskStopped();
  },
};

parentPort!.on("message", (message: { taskSeq: number }) => {
  void (async () => {
    const task = store.tasks.bySeq(message.taskSeq);
    if (task && task.status === "IN_PROGRESS" && Atomics.load(stop, 0) === 0) {
      // A fresh ontology per task: custom schemas may have changed since the last one.
      const services: TaskServices = {
        store,
        files,
        ontologies: new OntologyCache(store, config.legacyEmbeddingSchema),
        limits: config.limits,
        settings: config.settings,
        clock: systemClock,
        log: (line) => post({ kind: "log", line }),
      };
      await executeTask(services, upsertWorker, task, control);
      // An idle thread keeps no page cache: the emulator's peak memory is what the next task
      // (or an export, with its own connections) adds to it.
      store.db.pragma("shrink_memory");
    }
    post({ kind: "done", taskSeq: message.taskSeq });
  })();
});
