// `startEmulator(options)`: opens the store, starts the task runner and the HTTP server, and
// returns the GraphQL URL, the default API key and `close()`.
import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { Auth } from "./auth.js";
import type { RuntimeSettings, Services } from "./context.js";
import { Store } from "./db/store.js";
import { FileStore } from "./files.js";
import { Faults, type FaultConfig, type FaultRule } from "./faults.js";
import { GraphQLEngine } from "./graphql/execute.js";
import { buildExecutableSchema } from "./graphql/schema.js";
import { OntologyCache } from "./metadata/ontology-cache.js";
import { DEFAULT_API_KEY, type EmulatorOptions, type EmulatorUser } from "./options.js";
import { allResolvers } from "./resolvers/index.js";
import { resolveLimits } from "./rules/limits.js";
import { RequestHandler } from "./server.js";
import { TaskRunner } from "./tasks/runner.js";
import { TaskThreads, taskThreadFile } from "./tasks/task-threads.js";
import { workers } from "./tasks/workers.js";
import { systemClock } from "./time.js";

/** A running emulator. */
export interface RunningEmulator {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4123/graphql`. */
  url: string;
  /** The default user's API key. */
  apiKey: string;
  port: number;
  /** The persistent data directory, or null when in memory. */
  dataDir: string | null;
  /** Fault control, the same as the `/_emulator/faults` endpoint. */
  faults: {
    set(config: FaultConfig): void;
    add(rules: FaultRule[]): void;
    get(): FaultConfig;
    clear(): void;
  };
  /** Stops the server and the task runner and closes the store (unfinished tasks resume next start). */
  close(): Promise<void>;
}

/** A thread count from `min` to 2 (two cores is what the threads are sized for); anything else is refused. */
function checkedThreads(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > 2) throw new TypeError(`${name} must be ${min === 0 ? "0, 1 or 2" : "1 or 2"}, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a non-negative number, got ${value}`);
  return value;
}

/**
 * Starts a Labelbox-compatible GraphQL server.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * // Python: Client(api_key=emulator.apiKey, endpoint=emulator.url)
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const limits = resolveLimits(options.limits);
  const settings: RuntimeSettings = {
    taskDelayMs: nonNegative("taskDelayMs", options.taskDelayMs, 0),
    // 500: a batch's checked rows die young. With 5,000 they outlived young-generation collections
    // and were copied to the old generation: import tasks cost 22-28 CPU µs per row instead of
    // 16-21 (bench/ingest-task.mjs, in memory, 100,000-600,000 rows), and the server answered
    // uploads and polls only between batches of ~150 ms.
    taskBatchSize: Math.max(1, Math.floor(nonNegative("taskBatchSize", options.taskBatchSize, 500))),
    taskBatchDelayMs: nonNegative("taskBatchDelayMs", options.taskBatchDelayMs, 0),
    taskConcurrency: Math.max(1, Math.floor(nonNegative("taskConcurrency", options.taskConcurrency, 2))),
    exportChunkBytes: Math.max(1, Math.floor(nonNegative("exportChunkBytes", options.exportChunkBytes, 4 * 1024 * 1024))),
    exportV1CacheSeconds: nonNegative("exportV1CacheSeconds", options.exportV1CacheSeconds, 1_800),
    exportThreads: options.dataDir ? checkedThreads("exportThreads", options.exportThreads, 2, 1) : 1,
  };
  const apiKey = options.apiKey ?? process.env.LBX_EMULATOR_API_KEY ?? DEFAULT_API_KEY;
  if (!apiKey) throw new TypeError("apiKey must not be empty");
  const users: EmulatorUser[] = [{ apiKey }, ...(options.users ?? [])];
  const seen = new Set<string>();
  for (const u of users) {
    if (!u.apiKey) throw new TypeError("Every user needs a non-empty apiKey");
    if (seen.has(u.apiKey)) throw new TypeError("Two users have the same API key");
    seen.add(u.apiKey);
  }

  const dataDir = options.dataDir ? path.resolve(options.dataDir) : null;
  const tempDir = dataDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-"));
  const removeTempDir = () => tempDir && fs.rmSync(tempDir, { recursive: true, force: true });
  let store: Store;
  try {
    store = dataDir ? new Store(dataDir) : new Store(path.join(tempDir!, "store"), "scratch");
  } catch (error) {
    removeTempDir();
    throw error;
  }
  const cleanup: Array<() => void> = [() => store.close(), removeTempDir];
  try {
    const files = new FileStore(path.join(dataDir ?? tempDir!, "files"), store.secret, store.blobs, clock, nonNegative("fileUrlTtlSeconds", options.fileUrlTtlSeconds, 7 * 86_400));
    const faults = new Faults(options.faults);
    const taskThreads = checkedThreads("taskThreads", options.taskThreads, Math.min(2, os.availableParallelism()), 0);
    const threadCount = dataDir && clock === systemClock ? taskThreads : 0;
    const threadFile = threadCount > 0 ? taskThreadFile() : null;
    const threads = threadFile
      ? new TaskThreads(
          threadFile,
          { dataDir: dataDir!, limits, settings, legacyEmbeddingSchema: options.legacyEmbeddingSchema === true, fileUrlTtlSeconds: nonNegative("fileUrlTtlSeconds", options.fileUrlTtlSeconds, 7 * 86_400) },
          threadCount,
          { store, log, clock },
        )
      : null;
    const runner = new TaskRunner(workers, threads);
    const services: Services = {
      store,
      files,
      ontologies: new OntologyCache(store, options.legacyEmbeddingSchema === true),
      faults,
      runner,
      limits,
      settings,
      clock,
      log,
    };
    runner.attach(services);
    const auth = new Auth(store, users, options.organizations ?? [], clock);
    const engine = new GraphQLEngine(buildExecutableSchema(allResolvers()), limits, log);
    const host = options.host ?? "127.0.0.1";
    let baseUrl = "";
    const handler = new RequestHandler(services, engine, auth, options.corsOrigins ?? null, () => baseUrl);
    const server = createServer({ keepAlive: true }, handler.handle);
    const sockets = new Set<Socket>();
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    const port = await listen(server, options.port ?? 0, host);
    baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    runner.resume();
    log(`lbx-emulator listening on ${baseUrl}/graphql (${dataDir ? `data in ${dataDir}` : "in memory"})`);
    let closing: Promise<void> | null = null;
    return {
      url: `${baseUrl}/graphql`,
      apiKey,
      port,
      dataDir,
      faults: { set: (c) => faults.set(c), add: (r) => faults.add(r), get: () => faults.get(), clear: () => faults.set({ rules: [] }) },
      close: () =>
        (closing ??= (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          for (const socket of sockets) socket.destroy();
          await closed;
          await runner.close();
          for (const step of cleanup) step();
        })()),
    };
  } catch (error) {
    for (const step of cleanup) step();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
