import { describe, expect, it } from "vitest";
import { median, parseRun, percentile, summarize } from "../../bench/summary.mjs";

describe("bench summaries", () => {
  it("takes medians and nearest-rank percentiles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const tens = Array.from({ length: 10 }, (_, i) => (i + 1) * 10); // 10..100
    expect(percentile(tens, 10)).toBe(10);
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile(tens, 91)).toBe(100);
    expect(percentile([5], 10)).toBe(5);
    expect(() => median([])).toThrow();
    expect(() => percentile([], 50)).toThrow();
  });

  it("merges --detail CPU lines into the runs they belong to, skipping other output", () => {
    const stdout = [
      '{"name":"import","rows":100,"seconds":1,"rowsPerSec":100,"peakRssMb":50}',
      "bench: building the emulator",
      '{"name":"export","rows":100,"seconds":0.5,"rowsPerSec":200,"peakRssMb":60}',
    ].join("\n");
    const stderr = [
      '{"name":"export","rows":100,"sdkCpuSeconds":0.2,"emulatorCpuSeconds":0.3}',
      "a warning",
      '{"name":"import","rows":100,"sdkCpuSeconds":1.5,"emulatorCpuSeconds":2.5}',
    ].join("\n");
    expect(parseRun(stdout, stderr)).toEqual([
      { name: "import", rows: 100, seconds: 1, rowsPerSec: 100, peakRssMb: 50, sdkCpuSeconds: 1.5, emulatorCpuSeconds: 2.5 },
      { name: "export", rows: 100, seconds: 0.5, rowsPerSec: 200, peakRssMb: 60, sdkCpuSeconds: 0.2, emulatorCpuSeconds: 0.3 },
    ]);
    expect(parseRun(stdout)).toHaveLength(2);
  });

  it("counts the runs meeting each target and compares the emulator's CPU of both kinds", () => {
    const imp = (rowsPerSec: number, emulatorCpuSeconds: number, peakRssMb = 120) => ({ name: "import", rows: 1000, rowsPerSec, peakRssMb, emulatorCpuSeconds });
    const runs = [imp(31_000, 2.5), imp(29_000, 3.2), imp(35_000, 2.4, 140), imp(25_000, 3.6), { name: "export+metadata", rows: 1000, rowsPerSec: 60_000, peakRssMb: 130 }];
    const [importSummary, exportSummary] = summarize(runs);
    expect(importSummary).toEqual({
      name: "import",
      rows: 1000,
      runs: 4,
      medianRowsPerSec: 30_000,
      p10RowsPerSec: 25_000,
      p90RowsPerSec: 35_000,
      minRowsPerSec: 25_000,
      maxRowsPerSec: 35_000,
      maxPeakRssMb: 140,
      targetRowsPerSec: 30_000,
      runsMeetingTarget: 2,
      medianEmulatorCpuSecondsMeeting: 2.45,
      medianEmulatorCpuSecondsMissing: 3.4,
    });
    // No target for this scenario: no count.
    expect(exportSummary).toMatchObject({ name: "export+metadata", runs: 1, medianRowsPerSec: 60_000 });
    expect(exportSummary).not.toHaveProperty("runsMeetingTarget");
  });
});
