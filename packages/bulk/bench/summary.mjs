// Summaries of repeated benchmark runs (`bench/run.mjs --repeat N`). One run's figure depends on
// how fast this 2-core machine happens to be at that moment (the same emulator work has measured
// 2.4 to 3.8 CPU seconds minutes apart), so a repeated run reports the spread and how many runs
// met the targets, next to every single run's line.

/** The targets (#6): rows per second, and the SDK's peak RSS in MB. */
export const TARGETS = {
  rowsPerSec: { import: 30_000, export: 100_000 },
  peakRssMb: 200,
};

/**
 * One summary per scenario (name and size, in first-seen order) of `runs`: the scenario lines,
 * each optionally with the `--detail` CPU figures merged in (`sdkCpuSeconds`,
 * `emulatorCpuSeconds`).
 */
export function summarize(runs, targets = TARGETS) {
  const groups = new Map();
  for (const run of runs) {
    const key = `${run.name}\u0000${run.rows}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(run);
  }
  return [...groups.values()].map((group) => {
    const { name, rows } = group[0];
    const rates = group.map((r) => r.rowsPerSec);
    const target = targets.rowsPerSec[name];
    const summary = {
      name,
      rows,
      runs: group.length,
      medianRowsPerSec: Math.round(median(rates)),
      p10RowsPerSec: percentile(rates, 10),
      p90RowsPerSec: percentile(rates, 90),
      minRowsPerSec: Math.min(...rates),
      maxRowsPerSec: Math.max(...rates),
      maxPeakRssMb: Math.max(...group.map((r) => r.peakRssMb)),
    };
    if (target !== undefined) {
      summary.targetRowsPerSec = target;
      summary.runsMeetingTarget = rates.filter((r) => r >= target).length;
    }
    // Which runs were slow for the machine's sake: the emulator's CPU for the same work.
    const cpu = (subset) => subset.map((r) => r.emulatorCpuSeconds).filter((s) => typeof s === "number");
    if (target !== undefined && cpu(group).length === group.length) {
      const met = cpu(group.filter((r) => r.rowsPerSec >= target));
      const missed = cpu(group.filter((r) => r.rowsPerSec < target));
      if (met.length) summary.medianEmulatorCpuSecondsMeeting = round2(median(met));
      if (missed.length) summary.medianEmulatorCpuSecondsMissing = round2(median(missed));
    }
    return summary;
  });
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values) {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile: the smallest value with at least `p`% of the values at or below it. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error("percentile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The runs of one scenario process's output: its stdout scenario lines, with the stderr `--detail`
 * lines (same name and rows, same order) merged in. Lines that are not JSON objects are skipped.
 */
export function parseRun(stdout, stderr = "") {
  const lines = (text) =>
    text
      .split("\n")
      .map((line) => {
        try {
          const value = JSON.parse(line);
          return value && typeof value === "object" && typeof value.name === "string" ? value : null;
        } catch {
          return null;
        }
      })
      .filter(Boolean);
  const details = lines(stderr).filter((d) => typeof d.emulatorCpuSeconds === "number");
  return lines(stdout)
    .filter((r) => typeof r.rowsPerSec === "number")
    .map((run) => {
      const at = details.findIndex((d) => d.name === run.name && d.rows === run.rows);
      if (at < 0) return run;
      const [detail] = details.splice(at, 1);
      return { ...run, sdkCpuSeconds: detail.sdkCpuSeconds, emulatorCpuSeconds: detail.emulatorCpuSeconds };
    });
}

function round2(x) {
  return Math.round(x * 100) / 100;
}
