import type { Clock } from "@lbx/core";
import type { ImportProgress } from "../types.js";

/**
 * Counts what an import has done and reports it through `onProgress`, at most every
 * `intervalMs` (a million rows must not mean a million callbacks) and once more at the end.
 */
export class ProgressTracker {
  validated = 0;
  uploaded = 0;
  /** Rows with an outcome, previous runs of a resumed import included. */
  processed = 0;
  failed = 0;
  tasksStarted = 0;
  tasksDone = 0;
  private readonly startedAt: number;
  private readonly processedAtStart: number;
  private lastReport = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly onProgress: ((progress: ImportProgress) => void) | undefined,
    private readonly expectedTotal: number | undefined,
    alreadyProcessed: number,
    alreadyFailed: number,
    private readonly intervalMs = 200,
  ) {
    this.startedAt = clock.now();
    this.processed = alreadyProcessed;
    this.processedAtStart = alreadyProcessed;
    this.failed = alreadyFailed;
  }

  elapsedSeconds(): number {
    return (this.clock.now() - this.startedAt) / 1000;
  }

  snapshot(): ImportProgress {
    const elapsed = this.elapsedSeconds();
    const rate = elapsed > 0 ? (this.processed - this.processedAtStart) / elapsed : 0;
    const left = this.expectedTotal === undefined ? undefined : Math.max(0, this.expectedTotal - this.processed);
    return {
      validated: this.validated,
      uploaded: this.uploaded,
      processed: this.processed,
      failed: this.failed,
      rowsPerSecond: Math.round(rate * 10) / 10,
      ...(left !== undefined && rate > 0 ? { etaSeconds: Math.round((left / rate) * 10) / 10 } : left === 0 ? { etaSeconds: 0 } : {}),
      elapsedSeconds: Math.round(elapsed * 1000) / 1000,
      tasksStarted: this.tasksStarted,
      tasksDone: this.tasksDone,
      ...(this.expectedTotal !== undefined ? { total: this.expectedTotal } : {}),
    };
  }

  /** Reports unless the last report was less than `intervalMs` ago (`force` reports anyway). */
  report(force = false): void {
    if (!this.onProgress) return;
    const now = this.clock.now();
    if (!force && now - this.lastReport < this.intervalMs) return;
    this.lastReport = now;
    this.onProgress(this.snapshot());
  }
}
