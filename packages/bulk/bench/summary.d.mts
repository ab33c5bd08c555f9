// Types of bench/summary.mjs, for its unit test.
export interface ScenarioRun {
  name: string;
  rows: number;
  rowsPerSec: number;
  peakRssMb: number;
  seconds?: number;
  sdkCpuSeconds?: number;
  emulatorCpuSeconds?: number;
}
export interface Targets {
  rowsPerSec: Record<string, number>;
  peakRssMb: number;
}
export interface ScenarioSummary {
  name: string;
  rows: number;
  runs: number;
  medianRowsPerSec: number;
  p10RowsPerSec: number;
  p90RowsPerSec: number;
  minRowsPerSec: number;
  maxRowsPerSec: number;
  maxPeakRssMb: number;
  targetRowsPerSec?: number;
  runsMeetingTarget?: number;
  medianEmulatorCpuSecondsMeeting?: number;
  medianEmulatorCpuSecondsMissing?: number;
}
export const TARGETS: Targets;
export function summarize(runs: ScenarioRun[], targets?: Targets): ScenarioSummary[];
export function median(values: number[]): number;
export function percentile(values: number[], p: number): number;
export function parseRun(stdout: string, stderr?: string): ScenarioRun[];
