// One size of the bulk benchmark, in a process of its own (see bench/run.mjs): imports the input
// file through the bundled SDK into a fresh emulator, then exports it twice, printing one JSON
// line per scenario with this process's peak RSS. The emulator runs in memory (its default), or
// with LBX_BENCH_FILE_STORE=1 on a file store in a fresh temporary folder (`--data`), where it
// runs upsert tasks on worker threads and large exports on two threads.
//
// Usage: node bench/scenario.mjs <bundled-sdk.mjs> <input.ndjson> <rows> [--detail]
// Extra emulator flags: LBX_BENCH_EMULATOR_ARGS="--export-threads 1"; extra Node flags for the
// emulator's process: LBX_BENCH_EMULATOR_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"; more
// import options, as JSON: LBX_BENCH_IMPORT_OPTIONS='{"limits":{"firstTaskRows":25000}}'.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
// LBX_BENCH_EMULATOR_BIN: another build of the emulator (A/B runs).
const emulatorBin = process.env.LBX_BENCH_EMULATOR_BIN ?? path.join(here, "..", "..", "emulator", "dist", "bin.js");
const [sdkFile, input, rowsText] = process.argv.slice(2);
const DETAIL = process.argv.includes("--detail");
const sdk = await import(pathToFileURL(sdkFile).href);
await scenario(sdk, input, Number(rowsText));

async function scenario(sdk, input, rows) {
  const output = `${input}.export.ndjson`;
  const dataDir = process.env.LBX_BENCH_FILE_STORE === "1" ? fs.mkdtempSync(`${input}.emulator-`) : null;
  const emulator = await startEmulator(dataDir);
  try {
    // A local server answers polls in a millisecond: poll more often than the cloud defaults (0.5-2 s).
    const client = sdk.createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, polling: { minDelayMs: 50, maxDelayMs: Number(process.env.MAXD ?? 500) } });
    const dataset = (await sdk.createDataset(client, { name: `bench-${rows}`, iamIntegration: null })).id;

    let meter = startMeter(emulator.pid);
    const extra = JSON.parse(process.env.LBX_BENCH_IMPORT_OPTIONS ?? "{}");
    const imported = await sdk.importDataRows(client, dataset, sdk.readRows(input), { collectOutcomes: false, expectedTotal: rows, ...extra });
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
    fs.rmSync(output, { force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(name, rows, m) {
  console.log(JSON.stringify({ name, rows, seconds: round(m.seconds, 2), rowsPerSec: Math.round(rows / m.seconds), peakRssMb: Math.round(m.peakRssMb) }));
  if (DETAIL) console.error(JSON.stringify({ name, rows, sdkCpuSeconds: round(m.sdkCpu, 2), emulatorCpuSeconds: round(m.emulatorCpu, 2) }));
}

/** Peak RSS of this process (VmHWM, reset now; plus sampling where the reset is not allowed), wall and CPU time. */
function startMeter(emulatorPid) {
  let reset = true;
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    reset = false; // not allowed here: sample instead (the SDK's own CPU figure then includes it)
  }
  let sampled = process.memoryUsage.rss();
  const timer = reset ? undefined : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 20);
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

async function startEmulator(dataDir) {
  const extra = (process.env.LBX_BENCH_EMULATOR_ARGS ?? "").split(" ").filter(Boolean);
  const nodeArgs = (process.env.LBX_BENCH_EMULATOR_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, emulatorBin, ...(dataDir ? ["--data", dataDir] : ["--memory"]), "--json", "--port", "0", ...extra], { stdio: ["ignore", "pipe", "inherit"] });
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
