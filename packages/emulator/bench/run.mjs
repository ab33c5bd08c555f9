// Benchmark: the emulator as a child process (built `dist/bin.js`, persistent store in a temp
// directory), this process as the client over HTTP. Scenarios:
//   ingest  N rows (global key, external id, URL row data, 3 metadata fields, 1 attachment)
//           through the modern upsert path. The ~10 MB chunk files (at most 150,000 rows per
//           task) are written to a temp directory BEFORE the clock starts; the timed part streams
//           them from disk as multipart uploads, uploads a manifest per task, submits each task
//           (upsertDataRows) as soon as its chunks are up, keeping at most --in-flight N (default
//           4) tasks not yet COMPLETE, and polls them until all are COMPLETE;
//   export  the same rows through the streamable export: every chunk downloaded and checked,
//           pipelined (the next exportFileFromOffset goes out while a chunk downloads, at most 3
//           chunks requested and not yet checked; chunks fetched with node:http), checks
//           unchanged (byte length = its offsets, line count = its line range, total lines =
//           exportMetadataHeader.totalLines = N, first and last line of each chunk JSON.parse'd;
//           not every line, since parsing ~1 GB is client work, not export work);
//   cursor  100,000 rows (or N if fewer) paged with datasetDataRows, 500 per page.
// Prints one JSON line per scenario: {"name","rows","seconds","rowsPerSec","peakRssMb"}, where
// peakRssMb is the emulator's peak resident set during that scenario (VmHWM, reset per scenario
// where the kernel allows it). Usage: node bench/run.mjs [--rows N] [--detail] [--in-flight N]
//   [--only ingest|export|export-default|cursor]. Extra emulator flags: LBX_BENCH_EMULATOR_ARGS="--task-threads 0".
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { spec } from "./spec.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, "..", "dist", "bin.js");
const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
// --detail adds the emulator's and this client's CPU seconds per scenario (useful on a busy
// machine), and for the export the time and emulator CPU until its task was COMPLETE.
const DETAIL = args.includes("--detail");
let cpuMark = 0;
let clientCpuMark = process.cpuUsage();
// --detail: when the export task reached COMPLETE (the rest of the export is the download).
const phase = {};
// --only ingest|export|export-default|cursor runs just that scenario (after the ingest it needs), for profiling.
const onlyArg = args.indexOf("--only");
const ONLY = onlyArg >= 0 ? args[onlyArg + 1] : null;
if (!Number.isInteger(ROWS) || ROWS <= 0) throw new Error("--rows needs a positive integer");
const ROWS_PER_TASK = 150_000;
// --in-flight N: tasks submitted and not yet COMPLETE at most (the SDK keeps several going).
const inFlightArg = args.indexOf("--in-flight");
const IN_FLIGHT = inFlightArg >= 0 ? Number(args[inFlightArg + 1]) : 4;
if (!Number.isInteger(IN_FLIGHT) || IN_FLIGHT <= 0) throw new Error("--in-flight needs a positive integer");
const agent = new http.Agent({ keepAlive: true });
const CHUNK_BYTES = 10_000_000;
/** Export chunks requested and not yet checked at most (the download pipeline's window). */
const DOWNLOAD_WINDOW = 3;
const CURSOR_ROWS = Math.min(100_000, ROWS);
if (!fs.existsSync(bin)) {
  console.error("dist/bin.js is missing: run `pnpm --filter @lbx/emulator build` first");
  process.exit(1);
}

const UPLOAD_DOC =
  "mutation UploadFile($file: Upload!, $contentLength: Int!,\n                                            $sign: Boolean) {\n                            uploadFile(file: $file, contentLength: $contentLength,\n                                       sign: $sign) {url filename} } ";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-bench-"));
// LBX_BENCH_NODE_ARGS passes extra flags to the emulator process (e.g. --cpu-prof for profiling).
const nodeArgs = (process.env.LBX_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const emulatorArgs = (process.env.LBX_BENCH_EMULATOR_ARGS ?? "").split(" ").filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, bin, "--json", "--port", "0", "--data", dataDir, ...emulatorArgs], { stdio: ["ignore", "pipe", "inherit"] });
let emulator;
try {
  emulator = await new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const nl = buffer.indexOf("\n");
      if (nl >= 0) resolve(JSON.parse(buffer.slice(0, nl)));
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  await run(emulator.url, emulator.apiKey);
} finally {
  agent.destroy();
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function run(url, key) {
  const dataset = (await gql(url, key, `mutation{createDataset(data: {name: "bench"}) {id}}`)).createDataset.id;

  // Untimed: the chunk files are written before the clock starts.
  const chunkDir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-bench-chunks-"));
  try {
    const tasks = writeChunkFiles(chunkDir, dataset);
    resetPeak();
    const started = performance.now();
    await ingest(url, key, dataset, tasks);
    report("ingest", ROWS, started);
  } finally {
    fs.rmSync(chunkDir, { recursive: true, force: true });
  }
  let started;

  if (!ONLY || ONLY === "export") {
    resetPeak();
    started = performance.now();
    // The export: everything the rows carry (details, metadata, attachments).
    const exported = await exportAll(url, key, dataset, { includeAttachments: true, includeMetadata: true, includeDataRowDetails: true });
    if (exported !== ROWS) throw new Error(`export returned ${exported} lines, expected ${ROWS}`);
    report("export", exported, started);
  }

  // For comparison, not the scenario: the export Python's `dataset.export()` asks for by
  // default (every include* flag false: ids, keys, row data, media attributes).
  if (!ONLY || ONLY === "export-default") {
    resetPeak();
    started = performance.now();
    const exported = await exportAll(url, key, dataset, {});
    if (exported !== ROWS) throw new Error(`export returned ${exported} lines, expected ${ROWS}`);
    report("export-default", exported, started);
  }

  if (!ONLY || ONLY === "cursor") {
    resetPeak();
    started = performance.now();
    const paged = await cursorPages(url, key, dataset, CURSOR_ROWS);
    report("cursor", paged, started);
  }
}


/**
 * Writes every task's chunk files (the same spec text as always, ~10 MB each, at most
 * ROWS_PER_TASK rows per task) into `dir` before the clock starts, so the timed ingest measures
 * the emulator, not this client building strings. Returns, per task, its item count and files.
 */
function writeChunkFiles(dir, dataset) {
  const tasks = [];
  for (let from = 0; from < ROWS; from += ROWS_PER_TASK) {
    const to = Math.min(ROWS, from + ROWS_PER_TASK);
    const files = [];
    let parts = [];
    let size = 2;
    const flush = () => {
      const file = path.join(dir, `chunk-${files.length}-${from}.json`);
      fs.writeFileSync(file, `[${parts.join(",")}]`);
      files.push(file);
      parts = [];
      size = 2;
    };
    for (let i = from; i < to; i++) {
      const text = spec(i, dataset);
      if (size + text.length + 1 > CHUNK_BYTES && parts.length) flush();
      parts.push(text);
      size += text.length + 1;
    }
    if (parts.length) flush();
    tasks.push({ itemCount: to - from, files });
  }
  return tasks;
}

/** Uploads one task's chunk files (streamed from disk) and manifest, then starts its upsert; returns the task id. */
async function startTask(url, key, task) {
  const chunkUris = [];
  for (const file of task.files) chunkUris.push(await uploadFile(url, key, file));
  const manifest = await upload(url, key, JSON.stringify({ source: "SDK", item_count: task.itemCount, chunk_uris: chunkUris }), "manifest.json");
  const d = await gql(url, key, `mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m: manifest });
  return d.upsertDataRows.id;
}

/**
 * Uploads the pre-written chunk files task by task and submits each task as soon as its chunks
 * are up, keeping at most IN_FLIGHT tasks not yet COMPLETE (as the SDK does), polling them.
 */
async function ingest(url, key, dataset, tasks) {
  const user = (await gql(url, key, "query{user{id}}")).user.id;
  const inFlight = new Set();
  const ids = [];
  for (const task of tasks) {
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    const id = await startTask(url, key, task);
    ids.push(id);
    const done = waitTask(url, key, user, id).finally(() => inFlight.delete(done));
    inFlight.add(done);
  }
  await Promise.all(inFlight);
  for (const id of ids) {
    const failed = (await gql(url, key, `query($t: ID!){failedDataRowImports(data: {taskId: $t, first: 1}){total}}`, { t: id })).failedDataRowImports.total;
    if (failed > 0) throw new Error(`ingest task ${id} had ${failed} failures`);
  }
  const count = (await gql(url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: dataset })).dataset.rowCount;
  if (count !== ROWS) throw new Error(`dataset has ${count} rows after ingest, expected ${ROWS}`);
}

async function waitTask(url, key, user, taskId) {
  for (;;) {
    const d = await gql(url, key, `query($u: ID!, $t: ID!){user(where: {id: $u}){createdTasks(where: {id: $t} skip: 0 first: 1){status errors}}}`, { u: user, t: taskId });
    const t = d.user.createdTasks[0];
    if (t.status === "FAILED") throw new Error(`task ${taskId} failed`);
    if (t.status === "COMPLETE") return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exportAll(url, key, dataset, params) {
  phase.started = performance.now();
  const input = {
    taskName: "bench export",
    filters: { searchQuery: { scope: null, query: [{ ids: [dataset], operator: "is", type: "dataset" }] } },
    isStreamableReady: true,
    params,
    streamable: true,
  };
  const taskId = (await gql(url, key, `mutation($input: ExportDataRowsInCatalogInput!){exportDataRowsInCatalog(input: $input){taskId isStreamable}}`, { input })).exportDataRowsInCatalog.taskId;
  const user = (await gql(url, key, "query{user{id}}")).user.id;
  await waitTask(url, key, user, taskId);
  phase.taskSeconds = Number(((performance.now() - phase.started) / 1000).toFixed(2));
  phase.taskCpuSeconds = Number((cpuSeconds() - cpuMark).toFixed(2));
  const header = (await gql(url, key, `query($w: WhereUniqueIdInput, $s: TaskStreamType!){task(where: $w){exportMetadataHeader(streamType: $s){totalSize totalLines}}}`, { w: { id: taskId }, s: "RESULT" })).task.exportMetadataHeader;
  // Pipelined as a good SDK client would: the next chunk's offset is known from this chunk's
  // `exportFileFromOffset` answer, so the next request goes out while this chunk downloads;
  // at most DOWNLOAD_WINDOW chunks are requested and not yet checked. Checked in order.
  const fileFromOffset = async (offset) =>
    (
      await gql(url, key, `query($w: WhereUniqueIdInput, $s: TaskStreamType!, $o: UInt64!){task(where: $w){exportFileFromOffset(streamType: $s, offset: $o){offsets {start end} lines {start end} file}}}`, {
        w: { id: taskId },
        s: "RESULT",
        o: String(offset),
      })
    ).task.exportFileFromOffset;
  const pending = [];
  let offset = 0;
  let lines = 0;
  while (offset < header.totalSize || pending.length) {
    while (offset < header.totalSize && pending.length < DOWNLOAD_WINDOW) {
      const info = await fileFromOffset(offset);
      offset = info.offsets.end + 1;
      const download = getBytes(info.file).then((body) => ({ info, body }));
      download.catch(() => {}); // awaited below, in order; this only avoids an unhandled rejection meanwhile
      pending.push(download);
    }
    const { info, body } = await pending.shift();
    lines += checkChunk(body, info);
  }
  if (lines !== header.totalLines) throw new Error(`export chunks hold ${lines} lines, exportMetadataHeader.totalLines says ${header.totalLines}`);
  return lines;
}

/**
 * Checks one downloaded export chunk without parsing all of it (parsing ~1 GB of lines is client
 * work, not export work): its byte length matches its offsets, its line count matches its line
 * range, it ends with a newline, and its first and last lines are JSON. Returns its line count.
 */
function checkChunk(body, info) {
  if (body.length !== info.offsets.end - info.offsets.start + 1) throw new Error(`export chunk at ${info.offsets.start}: ${body.length} bytes, offsets say ${info.offsets.end - info.offsets.start + 1}`);
  let count = 0;
  for (let at = body.indexOf(10); at >= 0; at = body.indexOf(10, at + 1)) count += 1;
  if (count !== info.lines.end - info.lines.start + 1) throw new Error(`export chunk at ${info.offsets.start}: ${count} lines, its line range says ${info.lines.end - info.lines.start + 1}`);
  if (body[body.length - 1] !== 10) throw new Error(`export chunk at ${info.offsets.start} does not end with a newline`);
  const firstEnd = body.indexOf(10);
  const lastStart = body.lastIndexOf(10, body.length - 2) + 1;
  for (const [from, to] of [[0, firstEnd], [lastStart, body.length - 1]]) {
    const line = JSON.parse(body.toString("utf8", from, to));
    if (typeof line.data_row?.id !== "string") throw new Error(`export chunk at ${info.offsets.start}: a line without data_row.id`);
  }
  return count;
}

async function cursorPages(url, key, dataset, wanted) {
  let from = null;
  let rows = 0;
  const query = `query($id: ID!, $from: ID, $first: Int){datasetDataRows(id: $id, from: $from, first: $first){nodes { createdAt externalId globalKey mediaAttributes customMetadata { schemaId value } metadataFields { schemaId name value kind } rowData id updatedAt } pageInfo { hasNextPage startCursor }}}`;
  while (rows < wanted) {
    const page = (await gql(url, key, query, { id: dataset, from, first: 500 })).datasetDataRows;
    rows += page.nodes.length;
    from = page.pageInfo.startCursor;
    if (!from) break;
  }
  return rows;
}

/** GET `url`'s body as one Buffer (node:http on the keep-alive agent: less client CPU than fetch for ~1 GB). */
function getBytes(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
        const parts = [];
        res.on("data", (part) => parts.push(part));
        res.on("end", () => resolve(Buffer.concat(parts)));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function gql(url, key, query, variables = {}) {
  const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${res.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Uploads a file from disk as a GraphQL multipart request, streaming its bytes (what an SDK
 * uploading a prepared chunk file does); returns the file's URL.
 */
async function uploadFile(url, key, file) {
  const size = fs.statSync(file).size;
  const boundary = `----lbxbench${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n` +
      JSON.stringify({ variables: { file: null, contentLength: size, sign: false }, query: UPLOAD_DOC }) +
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n` +
      JSON.stringify({ 1: ["variables.file"] }) +
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="${path.basename(file)}"\r\nContent-Type: application/json\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const text = await new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { Authorization: `Bearer ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": head.length + size + tail.length } }, (res) => {
      let out = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (out += c));
      res.on("end", () => resolve(out));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.write(head);
    const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    stream.on("error", reject);
    stream.on("end", () => req.end(tail));
    stream.pipe(req, { end: false });
  });
  const body = JSON.parse(text);
  if (!body.data?.uploadFile) throw new Error(`upload of ${path.basename(file)} failed: ${text.slice(0, 500)}`);
  return body.data.uploadFile.url;
}

async function upload(url, key, text, filename) {
  const form = new FormData();
  form.append("operations", JSON.stringify({ variables: { file: null, contentLength: text.length, sign: false }, query: UPLOAD_DOC }));
  form.append("map", JSON.stringify({ 1: ["variables.file"] }));
  form.append("1", new Blob([text]), filename);
  const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${key}` }, body: form });
  const body = await res.json();
  if (!body.data?.uploadFile) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.data.uploadFile.url;
}

/** User + system CPU seconds the emulator process has used. */
function cpuSeconds() {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function resetPeak() {
  cpuMark = cpuSeconds();
  clientCpuMark = process.cpuUsage();
  try {
    fs.writeFileSync(`/proc/${child.pid}/clear_refs`, "5");
  } catch {
    // Not permitted here: peakRssMb is then the peak since the emulator started.
  }
}

function peakRssMb() {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/** The emulator's resident set now (--detail). */
function rssMb() {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
  } catch {
    return null;
  }
}

function report(name, rows, started) {
  const seconds = (performance.now() - started) / 1000;
  const line = { name, rows, seconds: Number(seconds.toFixed(2)), rowsPerSec: Math.round(rows / seconds), peakRssMb: peakRssMb() };
  if (DETAIL) {
    line.emulatorCpuSeconds = Number((cpuSeconds() - cpuMark).toFixed(2));
    const client = process.cpuUsage(clientCpuMark);
    line.clientCpuSeconds = Number(((client.user + client.system) / 1e6).toFixed(2));
    line.rssMbAtEnd = rssMb();
    line.load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    if (name.startsWith("export")) (line.taskSeconds = phase.taskSeconds), (line.taskCpuSeconds = phase.taskCpuSeconds);
  }
  console.log(JSON.stringify(line));
}
