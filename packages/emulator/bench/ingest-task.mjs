// A/B harness for the upsert task alone: the built library (`dist/index.js`) in this process, all
// chunk files uploaded first, then only the tasks are timed, so HTTP uploads and a client on the
// other core do not blur the figure. Prints {"rows","seconds","cpuMicrosPerRow","load","storeMb"}; CPU is
// this whole process's, task threads included (polling every 200 ms is the only client work
// while tasks run). Usage: node bench/ingest-task.mjs [--rows N] [--task-threads N] [--memory]
// [--task-rows N] [--task-batch-size N] [--chunk-bytes N]
// (default 200,000 rows; task threads as the emulator's default)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { spec } from "./spec.mjs";

// The bin's process-wide settings (see src/bin.ts), so the figure matches the bin's.
process.env.NODE_ENV ??= "production";
v8.setFlagsFromString("--max-semi-space-size=32");
const { startEmulator } = await import("../dist/index.js");

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 200_000;
if (!Number.isInteger(ROWS) || ROWS <= 0) throw new Error("--rows needs a positive integer");
// --task-rows N: rows per task (default 150,000, the cloud's limit; the SDK sends 25,000).
const taskRowsArg = args.indexOf("--task-rows");
const ROWS_PER_TASK = taskRowsArg >= 0 ? Number(args[taskRowsArg + 1]) : 150_000;
// --chunk-bytes N: chunk file size (default 10,000,000, the cloud's limit; the TypeScript SDK sends 1,000,000).
const chunkArg = args.indexOf("--chunk-bytes");
const CHUNK_BYTES = chunkArg >= 0 ? Number(args[chunkArg + 1]) : 10_000_000;
const UPLOAD_DOC = "mutation UploadFile($file: Upload!, $contentLength: Int!, $sign: Boolean) { uploadFile(file: $file, contentLength: $contentLength, sign: $sign) {url filename} }";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-ingest-task-"));
// --task-threads N: upsert task threads (default: the emulator's, i.e. cores, at most 2; 0 = in-process).
const threadsArg = args.indexOf("--task-threads");
// --memory: the emulator's --memory store (what @lbx/bulk's benchmark runs against by default), tasks in-process.
const MEMORY = args.includes("--memory");
// --task-batch-size N: rows per import transaction (default: the emulator's).
const batchArg = args.indexOf("--task-batch-size");
const emulator = await startEmulator({
  ...(MEMORY ? {} : { dataDir: dir }),
  ...(threadsArg >= 0 ? { taskThreads: Number(args[threadsArg + 1]) } : {}),
  ...(batchArg >= 0 ? { taskBatchSize: Number(args[batchArg + 1]) } : {}),
});
try {
  const dataset = (await gql(`mutation{createDataset(data: {name: "bench"}) {id}}`)).createDataset.id;
  const manifests = [];
  for (let from = 0; from < ROWS; from += ROWS_PER_TASK) manifests.push(await uploadTask(dataset, from, Math.min(ROWS, from + ROWS_PER_TASK)));
  const user = (await gql("query{user{id}}")).user.id;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const tasks = [];
  for (const m of manifests) tasks.push((await gql(`mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m })).upsertDataRows.id);
  for (const id of tasks) await waitTask(user, id);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const count = (await gql(`query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: dataset })).dataset.rowCount;
  if (count !== ROWS) throw new Error(`dataset has ${count} rows, expected ${ROWS}`);
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  // The store's size on disk (database and WAL), with a data directory.
  const storeBytes = MEMORY ? undefined : ["emulator.db", "emulator.db-wal"].reduce((sum, f) => sum + (fs.existsSync(path.join(dir, f)) ? fs.statSync(path.join(dir, f)).size : 0), 0);
  const storeMb = storeBytes === undefined ? undefined : Math.round(storeBytes / 2 ** 20);
  console.log(JSON.stringify({ rows: ROWS, seconds: Number(seconds.toFixed(2)), cpuMicrosPerRow: Number(((used.user + used.system) / ROWS).toFixed(2)), load, storeMb }));
} finally {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
}


/** Uploads one task's chunk files and manifest; returns the manifest URL. */
async function uploadTask(dataset, from, to) {
  const chunkUris = [];
  let parts = [];
  let size = 2;
  for (let i = from; i < to; i++) {
    const text = spec(i, dataset);
    if (size + text.length + 1 > CHUNK_BYTES && parts.length) {
      chunkUris.push(await upload(`[${parts.join(",")}]`, "application/json"));
      parts = [];
      size = 2;
    }
    parts.push(text);
    size += text.length + 1;
  }
  if (parts.length) chunkUris.push(await upload(`[${parts.join(",")}]`, "application/json"));
  return upload(JSON.stringify({ source: "SDK", item_count: to - from, chunk_uris: chunkUris }), "manifest.json");
}

async function waitTask(user, taskId) {
  for (;;) {
    const d = await gql(`query($u: ID!, $t: ID!){user(where: {id: $u}){createdTasks(where: {id: $t} skip: 0 first: 1){status}}}`, { u: user, t: taskId });
    const status = d.user.createdTasks[0].status;
    if (status === "FAILED") throw new Error(`task ${taskId} failed`);
    if (status === "COMPLETE") return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function gql(query, variables = {}) {
  const res = await fetch(emulator.url, { method: "POST", headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${res.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function upload(text, filename) {
  const form = new FormData();
  form.append("operations", JSON.stringify({ variables: { file: null, contentLength: text.length, sign: false }, query: UPLOAD_DOC }));
  form.append("map", JSON.stringify({ 1: ["variables.file"] }));
  form.append("1", new Blob([text]), filename);
  const res = await fetch(emulator.url, { method: "POST", headers: { Authorization: `Bearer ${emulator.apiKey}` }, body: form });
  const body = await res.json();
  if (!body.data?.uploadFile) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.data.uploadFile.url;
}
