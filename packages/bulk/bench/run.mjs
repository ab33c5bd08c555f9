// Benchmark of @lbx/bulk end to end: N rows (global key, external id, URL, 3 metadata fields,
// 1 attachment) are written to an NDJSON file, imported through the SDK's Node file reader into
// the emulator running as a separate process (`dist/bin.js --memory`; with LBX_BENCH_FILE_STORE=1,
// `--data` in a temporary folder), until every task is complete, then exported to an NDJSON file
// (default options, then with metadata and attachments). For each scenario it prints one JSON line
// {"name","rows","seconds","rowsPerSec","peakRssMb"}; peakRssMb is the peak resident set of the
// SDK's process during the scenario (VmHWM, reset before each scenario).
//
// Each size runs in a fresh SDK process (bench/scenario.mjs) and its input file is written by
// another one (bench/write-rows.mjs), so no size inherits the heap of the input generation or of
// the size before it: the peak is the SDK's own, comparable across sizes.
//
// The SDK is bundled from its TypeScript sources with esbuild first, so the figures are for the
// code in the working tree, whatever state the packages' dist folders are in.
//
// Usage: node bench/run.mjs [--rows N] [--detail] [--repeat N]
//   default: 100,000 rows, then 1,000,000 rows (a fresh emulator for each size)
//   --detail: also print, to stderr, CPU seconds of the SDK and of the emulator per scenario
//   --repeat N: run each size N times (a fresh SDK process and emulator each time, the same input
//     file), printing every run's lines, then per scenario one summary line (median, 10th and 90th
//     percentiles, runs meeting the target; see bench/summary.mjs). With --detail, the summary
//     also gives the emulator's median CPU for the runs that met the target and those that did not.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { parseRun, summarize } from "./summary.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, "..");
const emulatorDir = path.join(pkg, "..", "emulator");
const emulatorBin = path.join(emulatorDir, "dist", "bin.js");
const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const DETAIL = args.includes("--detail");
const sizes = rowsArg >= 0 ? [Number(args[rowsArg + 1])] : [100_000, 1_000_000];
for (const n of sizes) if (!Number.isInteger(n) || n <= 0) throw new Error("--rows needs a positive integer");
const repeatArg = args.indexOf("--repeat");
const REPEAT = repeatArg >= 0 ? Number(args[repeatArg + 1]) : 1;
if (!Number.isInteger(REPEAT) || REPEAT <= 0) throw new Error("--repeat needs a positive integer");

if (!fs.existsSync(emulatorBin)) {
  console.error("bench: building the emulator (dist/bin.js is missing)");
  const built = spawnSync("npx", ["tsup"], { cwd: emulatorDir, stdio: "inherit" });
  if (built.status !== 0) throw new Error("could not build the emulator");
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-bulk-bench-"));
try {
  const sdk = await bundleSdk(work);
  for (const rows of sizes) {
    const input = path.join(work, `rows-${rows}.ndjson`);
    run("write-rows.mjs", [input, String(rows)]);
    const scenarioArgs = [sdk, input, String(rows), ...(DETAIL ? ["--detail"] : [])];
    if (REPEAT === 1) run("scenario.mjs", scenarioArgs);
    else {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) runs.push(...parseRun(...runCaptured("scenario.mjs", scenarioArgs)));
      for (const summary of summarize(runs)) console.log(JSON.stringify({ summary: true, ...summary }));
    }
    fs.rmSync(input, { force: true });
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** Runs a script like `run`, passing its output on as it is, and returns [stdout, stderr]. */
function runCaptured(script, scriptArgs) {
  const r = spawnSync(process.execPath, [path.join(here, script), ...scriptArgs], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  if (r.status !== 0) throw new Error(`bench/${script} failed (exit ${r.status ?? r.signal})`);
  return [r.stdout, r.stderr];
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
  return outfile;
}

function run(script, scriptArgs) {
  const r = spawnSync(process.execPath, [path.join(here, script), ...scriptArgs], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`bench/${script} failed (exit ${r.status ?? r.signal})`);
}

