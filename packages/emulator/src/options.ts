// Options of `startEmulator` and the `lbx-emulator` bin, and their defaults.
import type { FaultConfig } from "./faults.js";
import type { Limits } from "./rules/limits.js";
import type { Clock } from "./time.js";

/** The development API key used when none is configured. Public: never use it outside local development. */
export const DEFAULT_API_KEY = "lbx-emulator-dev-key";

/** Organization of users configured without one. */
export const DEFAULT_ORGANIZATION = "Emulator Organization";

/** One API key and the user (and organization) it authenticates as. */
export interface EmulatorUser {
  apiKey: string;
  /** Organization name; users with the same name share an organization. Default: DEFAULT_ORGANIZATION. */
  organization?: string;
  email?: string;
  name?: string;
}

/** Settings of an organization. */
export interface EmulatorOrganization {
  name: string;
  /** "ADV" import semantics: classic imports report problems per row instead of failing whole. */
  adv?: boolean;
  /** Cloud-storage IAM integrations created at start (once per data directory). */
  iamIntegrations?: Array<{
    name: string;
    provider: "AWS" | "GCP";
    isOrgDefault?: boolean;
    valid?: boolean;
    settings?: Record<string, string | null>;
  }>;
}

/** Options of `startEmulator`. Everything is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Directory of a persistent store (SQLite in WAL mode plus files). Omitted = in memory. */
  dataDir?: string;
  /** The API key of the default user. Default: the LBX_EMULATOR_API_KEY variable, else DEFAULT_API_KEY. */
  apiKey?: string;
  /** More users, each with its own key; each organization is isolated from the others. */
  users?: EmulatorUser[];
  /** Organization settings, by name. */
  organizations?: EmulatorOrganization[];
  /** Overrides of the server-side limits. */
  limits?: Partial<Limits>;
  /** Faults active from the start (the control endpoint can change them later). */
  faults?: FaultConfig;
  /** How long a task or global-key job stays IN_PROGRESS before work starts, in ms (default 0). */
  taskDelayMs?: number;
  /** Import rows written per transaction (default 500). */
  taskBatchSize?: number;
  /** Pause after each batch, in ms, to make tasks slow on purpose (default 0). */
  taskBatchDelayMs?: number;
  /** Tasks that run at the same time (default 2). */
  taskConcurrency?: number;
  /** Lifetime of signed file URLs in seconds (default 7 days). */
  fileUrlTtlSeconds?: number;
  /** Bytes per streamable-export chunk (default 4 MiB). */
  exportChunkBytes?: number;
  /**
   * Worker threads that run upsert tasks (`upsertDataRows`) with a data directory, each with its
   * own SQLite connection: two tasks check their specs in parallel and only their writes take
   * turns. Default: the number of cores, at most 2; 0 runs them in-process. In memory, with a
   * custom `clock`, or when running from the TypeScript sources (the thread exists only in the
   * build), tasks always run in-process.
   */
  taskThreads?: number;
  /**
   * Threads that build a large whole-dataset v2 export with a data directory: 2 (the default)
   * runs half of the rows on a worker thread with its own read-only connection (same bytes, about
   * half the time on two cores), 1 keeps it on the main thread. In memory it is always 1, and so it
   * is when running from the TypeScript sources (the worker exists only in the build).
   */
  exportThreads?: number;
  /** How long a v1 export (`exportDatasetDataRows`) file is reused, in seconds (default 1,800). */
  exportV1CacheSeconds?: number;
  /** Origins allowed by CORS; `*` allows any. Default: http(s)://localhost and 127.0.0.1 on any port. */
  corsOrigins?: string[];
  /** Serve the legacy reserved `embedding` metadata schema too (older organizations had it). */
  legacyEmbeddingSchema?: boolean;
  /** Receives one line per request and per notable event. Never given API keys. */
  log?: (line: string) => void;
  /** Clock for timestamps and URL expiry (tests). */
  clock?: Clock;
}
