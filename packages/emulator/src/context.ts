// What resolvers and workers share: the services of one running emulator, and per request the
// authenticated user and organization.
import type { Store } from "./db/store.js";
import type { OrgRecord, UserRecord } from "./db/records.js";
import type { FileStore } from "./files.js";
import type { OntologyCache } from "./metadata/ontology-cache.js";
import type { Faults } from "./faults.js";
import type { Limits } from "./rules/limits.js";
import type { Clock } from "./time.js";
import type { TaskRunner } from "./tasks/runner.js";

/** Resolved runtime settings. */
export interface RuntimeSettings {
  taskDelayMs: number;
  taskBatchSize: number;
  taskBatchDelayMs: number;
  taskConcurrency: number;
  exportChunkBytes: number;
  exportV1CacheSeconds: number;
  /** Threads building a whole-dataset v2 export (1 or 2; always 1 in memory). */
  exportThreads: number;
}

/** The services of one emulator instance. */
export interface Services {
  store: Store;
  files: FileStore;
  ontologies: OntologyCache;
  faults: Faults;
  runner: TaskRunner;
  limits: Limits;
  settings: RuntimeSettings;
  clock: Clock;
  log: (line: string) => void;
}

/** What task workers use (an upsert task thread builds these on its own connection). */
export type TaskServices = Pick<Services, "store" | "files" | "ontologies" | "limits" | "settings" | "clock" | "log">;

/** The GraphQL context of one request. */
export interface EmulatorContext {
  services: Services;
  user: UserRecord;
  org: OrgRecord;
  /** Scheme, host and port the client reached the server at; file URLs are built on it. */
  baseUrl: string;
  /** The operation name of the document, if it has one. */
  operationName: string | null;
}
