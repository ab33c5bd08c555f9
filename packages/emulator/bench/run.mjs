// Benchmark: the emulator as a child process (built `dist/bin.js`, persistent store in a temp
// directory), this process as the client over HTTP. Scenarios:
//   ingest  N rows (global key, external id, URL row data, 3 metadata fields, 1 attachment)
//           through the modern upsert path: ~10 MB chunk files + manifest + upsertDataRows,
//           at most 150,000 rows per task, until every task is COMPLETE;
//   export  the same rows through the streamable export (every chunk downloaded, lines counted);
//   cursor  100,000 rows (or N if fewer) paged with datasetDataRows, 500 per page.
// Prints one JSON line per scenario: {"name","rows","seconds","rowsPerSec","peakRssMb"}, where
// peakRssMb is the emulator's peak resident set during that scenario (VmHWM, reset per scenario
// where the kernel allows it). Usage: node bench/run.mjs [--rows N]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
// --only ingest|export|cursor runs just that scenario (after the ingest it needs), for profiling.
const onlyArg = args.indexOf("--only");
const ONLY = onlyArg >= 0 ? args[onlyArg + 1] : null;
if (!Number.isInteger(ROWS) || ROWS <= 0) throw new Error("--rows needs a positive integer");
const ROWS_PER_TASK = 150_000;
const CHUNK_BYTES = 10_000_000;
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
const child = spawn(process.execPath, [...nodeArgs, bin, "--json", "--port", "0", "--data", dataDir], { stdio: ["ignore", "pipe", "inherit"] });
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
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function run(url, key) {
  const dataset = (await gql(url, key, `mutation{createDataset(data: {name: "bench"}) {id}}`)).createDataset.id;

  resetPeak();
  let started = performance.now();
  await ingest(url, key, dataset);
  report("ingest", ROWS, started);

  if (!ONLY || ONLY === "export") {
    resetPeak();
    started = performance.now();
    const exported = await exportAll(url, key, dataset);
    if (exported !== ROWS) throw new Error(`export returned ${exported} lines, expected ${ROWS}`);
    report("export", exported, started);
  }

  if (!ONLY || ONLY === "cursor") {
    resetPeak();
    started = performance.now();
    const paged = await cursorPages(url, key, dataset, CURSOR_ROWS);
    report("cursor", paged, started);
  }
}

/**
 * One upsert spec as JSON text: global key, external id, URL row data, 3 metadata fields (tag,
 * split as the SDK sends it: enum + option, captureDateTime) and 1 attachment. Written as a
 * template (every value is plain ASCII) so the client spends its CPU on sending, not on
 * JSON.stringify; the emulator parses exactly what the SDK would send.
 */
function spec(i, dataset) {
  return (
    `{"id": {"type": "AUTO", "value": ""}, "payload": {"row_data": "https://storage.example.com/bench/images/${i}.jpg", ` +
    `"global_key": "bench-${i}", "external_id": "ext-${i}", "metadata_fields": [` +
    `{"schemaId": "cko8s9r5v0001h2dk9elqdidh", "value": "tag-${i % 100}"}, {"schemaId": "cko8sbczn0002h2dkdaxb5kal", "value": {}}, ` +
    `{"schemaId": "cko8sbscr0003h2dk04w86hof", "value": {}}, {"schemaId": "cko8sdzv70006h2dk8jg64zvb", "value": "2024-01-01T00:00:00Z"}], ` +
    `"attachments": [{"type": "IMAGE", "value": "https://storage.example.com/bench/overlays/${i}.png", "name": "overlay"}], "dataset_id": "${dataset}"}}`
  );
}

/** Uploads one task's rows in ~10 MB chunks, then starts its upsert; returns the task id. */
async function startTask(url, key, dataset, from, to) {
  const chunkUris = [];
  let parts = [];
  let size = 2;
  for (let i = from; i < to; i++) {
    const text = spec(i, dataset);
    if (size + text.length + 1 > CHUNK_BYTES && parts.length) {
      chunkUris.push(await upload(url, key, `[${parts.join(",")}]`, "application/json"));
      parts = [];
      size = 2;
    }
    parts.push(text);
    size += text.length + 1;
  }
  if (parts.length) chunkUris.push(await upload(url, key, `[${parts.join(",")}]`, "application/json"));
  const manifest = await upload(url, key, JSON.stringify({ source: "SDK", item_count: to - from, chunk_uris: chunkUris }), "manifest.json");
  const d = await gql(url, key, `mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m: manifest });
  return d.upsertDataRows.id;
}

async function ingest(url, key, dataset) {
  const user = (await gql(url, key, "query{user{id}}")).user.id;
  const pending = [];
  // Keep the next task's upload going while the emulator works on the previous one.
  for (let from = 0; from < ROWS; from += ROWS_PER_TASK) {
    pending.push(await startTask(url, key, dataset, from, Math.min(ROWS, from + ROWS_PER_TASK)));
    while (pending.length > 1) await waitTask(url, key, user, pending.shift());
  }
  for (const id of pending) await waitTask(url, key, user, id);
  const failed = await gql(url, key, `query($t: ID!){failedDataRowImports(data: {taskId: $t, first: 1}){total}}`, { t: pending.at(-1) ?? "" }).catch(() => null);
  if (failed && failed.failedDataRowImports.total > 0) throw new Error("ingest had failures");
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

async function exportAll(url, key, dataset) {
  phase.started = performance.now();
  const input = {
    taskName: "bench export",
    filters: { searchQuery: { scope: null, query: [{ ids: [dataset], operator: "is", type: "dataset" }] } },
    isStreamableReady: true,
    params: { includeAttachments: true, includeMetadata: true, includeDataRowDetails: true },
    streamable: true,
  };
  const taskId = (await gql(url, key, `mutation($input: ExportDataRowsInCatalogInput!){exportDataRowsInCatalog(input: $input){taskId isStreamable}}`, { input })).exportDataRowsInCatalog.taskId;
  const user = (await gql(url, key, "query{user{id}}")).user.id;
  await waitTask(url, key, user, taskId);
  phase.taskSeconds = Number(((performance.now() - phase.started) / 1000).toFixed(2));
  phase.taskCpuSeconds = Number((cpuSeconds() - cpuMark).toFixed(2));
  const header = (await gql(url, key, `query($w: WhereUniqueIdInput, $s: TaskStreamType!){task(where: $w){exportMetadataHeader(streamType: $s){totalSize totalLines}}}`, { w: { id: taskId }, s: "RESULT" })).task.exportMetadataHeader;
  let offset = 0;
  let lines = 0;
  while (offset < header.totalSize) {
    const info = (
      await gql(url, key, `query($w: WhereUniqueIdInput, $s: TaskStreamType!, $o: UInt64!){task(where: $w){exportFileFromOffset(streamType: $s, offset: $o){offsets {start end} lines {start end} file}}}`, {
        w: { id: taskId },
        s: "RESULT",
        o: String(offset),
      })
    ).task.exportFileFromOffset;
    const res = await fetch(info.file);
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length !== info.offsets.end - info.offsets.start + 1) throw new Error("export chunk length does not match its offsets");
    for (const line of body.toString("utf8").split("\n")) if (line) (JSON.parse(line), (lines += 1));
    offset = info.offsets.end + 1;
  }
  return lines;
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

async function gql(url, key, query, variables = {}) {
  const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${res.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
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

function report(name, rows, started) {
  const seconds = (performance.now() - started) / 1000;
  const line = { name, rows, seconds: Number(seconds.toFixed(2)), rowsPerSec: Math.round(rows / seconds), peakRssMb: peakRssMb() };
  if (DETAIL) {
    line.emulatorCpuSeconds = Number((cpuSeconds() - cpuMark).toFixed(2));
    const client = process.cpuUsage(clientCpuMark);
    line.clientCpuSeconds = Number(((client.user + client.system) / 1e6).toFixed(2));
    if (name === "export") (line.taskSeconds = phase.taskSeconds), (line.taskCpuSeconds = phase.taskCpuSeconds);
  }
  console.log(JSON.stringify(line));
}
