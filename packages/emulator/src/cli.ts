// The `lbx-emulator` command: starts the emulator from the command line and stops it cleanly on
// SIGINT or SIGTERM. Prints one line with the GraphQL URL once ready (with --json, one JSON line
// {"url", "apiKey"} for scripts). The human line never shows the API key.
import { parseArgs } from "node:util";
import { checkFaultConfig, parseFaultFlag, type FaultRule } from "./faults.js";
import { DEFAULT_API_KEY, DEFAULT_ORGANIZATION, type EmulatorOptions, type EmulatorOrganization, type EmulatorUser } from "./options.js";
import { defaultLimits, type Limits } from "./rules/limits.js";
import { startEmulator } from "./start.js";

const HELP = `Usage: lbx-emulator [options]

A local Labelbox-compatible GraphQL server.

  --port N                 TCP port (0 = pick a free one; default 0)
  --host HOST              interface to bind (default 127.0.0.1)
  --data DIR               keep state in DIR (SQLite + files); survives restarts
  --memory                 keep state in memory (the default)
  --api-key KEY            API key of the default user (env LBX_EMULATOR_API_KEY;
                           default: the public development key "${DEFAULT_API_KEY}")
  --user ORG=KEY           another user with its own key in organization ORG (repeatable;
                           env LBX_EMULATOR_USERS="ORG=KEY,ORG=KEY")
  --adv ORG                give organization ORG "ADV" import semantics (repeatable)
  --fault SPEC             inject faults, e.g. http:status=503,rate=0.2,operation=GetDataRowPyApi
                           kinds: http rate-limit drop latency graphql-error bad-body task-fail task-hang
                           keys: operation rate times status retryAfter ms code message body (repeatable)
  --fault-seed N           seed of the fault random generator (default 1)
  --task-delay MS          keep new tasks IN_PROGRESS for MS before working on them (default 0)
  --task-batch-size N      rows per import transaction (default 500)
  --task-batch-delay MS    pause after each batch, for slow tasks (default 0)
  --task-concurrency N     tasks running at once (default 2)
  --file-url-ttl SECONDS   lifetime of signed file URLs (default 604800)
  --export-chunk-bytes N   bytes per streamable-export chunk (default 4194304)
  --task-threads N         threads running upsert tasks with --data (0 = in-process;
                           default: the number of cores, at most 2)
  --export-threads N       threads building a large v2 export with --data (1 or 2; default 2)
  --limit NAME=VALUE       override a server-side limit (repeatable), one of:
                           ${Object.keys(defaultLimits).join(", ")}
  --cors-origin ORIGIN     allow this browser origin ("*" = any; repeatable;
                           default: localhost and 127.0.0.1 on any port)
  --legacy-embedding       also serve the legacy reserved "embedding" metadata schema
  --json                   print {"url","apiKey"} as one JSON line when ready
  --verbose                log every request to stderr
  --help                   show this help
`;

function fail(message: string): never {
  process.stderr.write(`lbx-emulator: ${message}\nRun lbx-emulator --help for usage.\n`);
  process.exit(2);
}

function int(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got "${text}"`);
  return n;
}

function users(values: string[]): EmulatorUser[] {
  return values.map((v) => {
    const at = v.indexOf("=");
    if (at <= 0 || at === v.length - 1) fail(`--user needs ORG=KEY, got "${v.slice(0, Math.max(0, at))}=..."`);
    return { organization: v.slice(0, at), apiKey: v.slice(at + 1) };
  });
}

/** Runs the command with `process.argv`. */
export async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        memory: { type: "boolean" },
        "api-key": { type: "string" },
        user: { type: "string", multiple: true },
        adv: { type: "string", multiple: true },
        fault: { type: "string", multiple: true },
        "fault-seed": { type: "string" },
        "task-delay": { type: "string" },
        "task-batch-size": { type: "string" },
        "task-batch-delay": { type: "string" },
        "task-concurrency": { type: "string" },
        "file-url-ttl": { type: "string" },
        "export-chunk-bytes": { type: "string" },
        "export-threads": { type: "string" },
        "task-threads": { type: "string" },
        limit: { type: "string", multiple: true },
        "cors-origin": { type: "string", multiple: true },
        "legacy-embedding": { type: "boolean" },
        json: { type: "boolean" },
        verbose: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP);
    return;
  }
  if (v.data && v.memory) fail("--data and --memory cannot be combined");

  const limits: Partial<Limits> = {};
  for (const item of v.limit ?? []) {
    const [name = "", value] = item.split("=", 2);
    if (!(name in defaultLimits)) fail(`unknown limit "${name}"`);
    (limits as Record<string, number | undefined>)[name] = int(`--limit ${name}`, value);
  }
  let rules: FaultRule[] = [];
  try {
    rules = (v.fault ?? []).map(parseFaultFlag);
    checkFaultConfig({ rules });
  } catch (error) {
    fail(`bad --fault: ${error instanceof Error ? error.message : String(error)}`);
  }
  const extraUsers = users([...(v.user ?? []), ...(process.env.LBX_EMULATOR_USERS ? process.env.LBX_EMULATOR_USERS.split(",").filter(Boolean) : [])]);
  const advOrgs = new Set(v.adv ?? []);
  const organizations: EmulatorOrganization[] = [...advOrgs].map((name) => ({ name, adv: true }));
  const log = v.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;

  const options: EmulatorOptions = {
    port: int("--port", v.port) ?? 0,
    host: v.host ?? "127.0.0.1",
    ...(v.data ? { dataDir: v.data } : {}),
    ...(v["api-key"] ? { apiKey: v["api-key"] } : {}),
    users: extraUsers,
    organizations,
    limits,
    faults: { seed: int("--fault-seed", v["fault-seed"]) ?? 1, rules },
    taskDelayMs: int("--task-delay", v["task-delay"]),
    taskBatchSize: int("--task-batch-size", v["task-batch-size"]),
    taskBatchDelayMs: int("--task-batch-delay", v["task-batch-delay"]),
    taskConcurrency: int("--task-concurrency", v["task-concurrency"]),
    fileUrlTtlSeconds: int("--file-url-ttl", v["file-url-ttl"]),
    exportChunkBytes: int("--export-chunk-bytes", v["export-chunk-bytes"]),
    exportThreads: int("--export-threads", v["export-threads"]),
    taskThreads: int("--task-threads", v["task-threads"]),
    ...(v["cors-origin"] ? { corsOrigins: v["cors-origin"] } : {}),
    legacyEmbeddingSchema: v["legacy-embedding"] === true,
    ...(log ? { log } : {}),
  };

  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (v.json) process.stdout.write(`${JSON.stringify({ url: emulator.url, apiKey: emulator.apiKey })}\n`);
  else {
    const keyNote = emulator.apiKey === DEFAULT_API_KEY ? ` (development API key "${DEFAULT_API_KEY}")` : "";
    process.stdout.write(`lbx-emulator ready at ${emulator.url}${keyNote}; ${emulator.dataDir ? `data in ${emulator.dataDir}` : "in memory"}; organization "${DEFAULT_ORGANIZATION}"\n`);
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (v.verbose) process.stderr.write(`lbx-emulator: ${signal}, stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`lbx-emulator: error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

