// Benchmark of @lbx/bulk end to end: N rows (global key, external id, URL, 3 metadata fields,
// 1 attachment) are written to an NDJSON file, imported through the SDK's Node file reader into
// the emulator running as a separate process (`dist/bin.js --memory`), until every task is
// complete, then exported to an NDJSON file (default options, then with metadata and
// attachments). For each scenario it prints one JSON line
// {"name","rows","seconds","rowsPerSec","peakRssMb"}; peakRssMb is the peak resident set of THIS
// (the SDK's) process during the scenario (VmHWM, reset before each scenario).
//
// The SDK is bundled from its TypeScript sources with esbuild first, so the figures are for the
// code in the working tree, whatever state the packages' dist folders are in.
//
// Usage: node bench/run.mjs [--rows N] [--detail]
//   default: 100,000 rows, then 1,000,000 rows (a fresh emulator for each size)
//   --detail: also print, to stderr, CPU seconds of the SDK and of the emulator per scenario
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, "..");
const emulatorDir = path.join(pkg, "..", "emulator");
const emulatorBin = path.join(emulatorDir, "dist", "bin.js");
const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const DETAIL = args.includes("--detail");
const sizes = rowsArg >= 0 ? [Number(args[rowsArg + 1])] : [100_000, 1_000_000];
for (const n of sizes) if (!Number.isInteger(n) || n <= 0) throw new Error("--rows needs a positive integer");

if (!fs.existsSync(emulatorBin)) {
  console.error("bench: building the emulator (dist/bin.js is missing)");
  const built = spawnSync("npx", ["tsup"], { cwd: emulatorDir, stdio: "inherit" });
  if (built.status !== 0) throw new Error("could not build the emulator");
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-bulk-bench-"));
try {
  const sdk = await bundleSdk(work);
  for (const rows of sizes) await scenario(sdk, rows);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

async function bundleSdk(dir) {
  const outfile = path.join(dir, "sdk.mjs");
  await esbuild.build({
    stdin: {
      contents: 'export * from "@lbx/core"; export * from "@lbx/bulk"; export * from "@lbx/bulk/node";',
      resolveDir: pkg,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@lbx/source"],
    outfile,
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

async function scenario(sdk, rows) {
  const input = path.join(work, `rows-${rows}.ndjson`);
  const output = path.join(work, `export-${rows}.ndjson`);
  await writeRows(input, rows);
  const emulator = await startEmulator();
  try {
    // A local server answers polls in a millisecond: poll more often than the cloud defaults (0.5-2 s).
    const client = sdk.createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, polling: { minDelayMs: 50, maxDelayMs: 500 } });
    const dataset = (await sdk.createDataset(client, { name: `bench-${rows}`, iamIntegration: null })).id;

    let meter = startMeter(emulator.pid);
    const imported = await sdk.importDataRows(client, dataset, sdk.readRows(input), { collectOutcomes: false, expectedTotal: rows });
    report("import", rows, meter.stop());
    const { summary } = imported;
    if (summary.created !== rows || summary.failed !== 0) throw new Error(`import: ${JSON.stringify(summary)}`);

    // The export as Python's dataset.export() does by default, then with metadata and attachments.
    for (const [name, options] of [
      ["export", {}],
      ["export+metadata", { includeMetadata: true, includeAttachments: true }],
    ]) {
      meter = startMeter(emulator.pid);
      const exported = await sdk.exportDataRowsToFile(client, dataset, output, options);
      report(name, rows, meter.stop());
      if (exported.rows !== rows) throw new Error(`${name} wrote ${exported.rows} rows, expected ${rows}`);
    }
  } finally {
    await emulator.close();
    fs.rmSync(input, { force: true });
    fs.rmSync(output, { force: true });
  }
}

function report(name, rows, m) {
  console.log(JSON.stringify({ name, rows, seconds: round(m.seconds, 2), rowsPerSec: Math.round(rows / m.seconds), peakRssMb: Math.round(m.peakRssMb) }));
  if (DETAIL) console.error(JSON.stringify({ name, rows, sdkCpuSeconds: round(m.sdkCpu, 2), emulatorCpuSeconds: round(m.emulatorCpu, 2) }));
}

/** Peak RSS of this process (VmHWM, reset now; plus sampling where the reset is not allowed), wall and CPU time. */
function startMeter(emulatorPid) {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not allowed here: the sampled peak below still holds.
  }
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const emulatorCpu = cpuSecondsOf(emulatorPid);
  return {
    stop() {
      clearInterval(timer);
      const used = process.cpuUsage(cpu);
      const hwm = vmHwmBytes();
      return {
        seconds: (performance.now() - started) / 1000,
        peakRssMb: Math.max(sampled, hwm ?? 0) / 2 ** 20,
        sdkCpu: (used.user + used.system) / 1e6,
        emulatorCpu: cpuSecondsOf(emulatorPid) - emulatorCpu,
      };
    },
  };
}

function vmHwmBytes() {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function cpuSecondsOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

/** Writes the input file with backpressure, a batch of lines at a time. */
async function writeRows(file, rows) {
  const out = fs.createWriteStream(file);
  const splits = ["train", "valid", "test"];
  for (let i = 0; i < rows; ) {
    let batch = "";
    for (const end = Math.min(rows, i + 1000); i < end; i++) {
      batch += `${JSON.stringify({
        rowData: `https://storage.googleapis.com/labelbox-datasets/bench/img-${i}.jpg`,
        globalKey: `bench-${rows}-${i}`,
        externalId: `img-${i}.jpg`,
        metadataFields: [
          { name: "tag", value: i % 7 === 0 ? "night" : "day" },
          { name: "split", value: splits[i % 3] },
          { name: "captureDateTime", value: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() },
        ],
        attachments: [{ type: "RAW_TEXT", value: `Frame ${i} of the benchmark.`, name: "caption" }],
      })}\n`;
    }
    if (!out.write(batch)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

async function startEmulator() {
  const child = spawn(process.execPath, [emulatorBin, "--memory", "--json", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = await new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const nl = buffer.indexOf("\n");
      if (nl >= 0) resolve(JSON.parse(buffer.slice(0, nl)));
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    ...ready,
    pid: child.pid,
    close: () => {
      child.kill("SIGTERM");
      return new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

function round(x, digits) {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
