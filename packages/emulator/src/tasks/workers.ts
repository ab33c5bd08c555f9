// Which worker runs which kind of task.
import type { TaskKind } from "../db/records.js";
import type { TaskWorker } from "./runner.js";
import { upsertWorker } from "./upsert-task.js";
import { jsonImportWorker } from "./json-import-task.js";
import { exportWorker } from "./export-task.js";

export const workers: Record<TaskKind, TaskWorker> = {
  upsert: upsertWorker,
  "json-import": jsonImportWorker,
  "export-v2": exportWorker,
  "export-v1": exportWorker,
};
