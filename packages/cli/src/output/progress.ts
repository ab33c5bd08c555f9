// Progress of long commands, on stderr. On a terminal: a cli-progress bar with rows per second and
// time left. Elsewhere (CI logs, pipes): a plain line every few seconds, never control codes.
// With --quiet: nothing.
import cliProgress from "cli-progress";
import type { CommandContext } from "../context.js";
import { count, duration } from "./format.js";

export interface ProgressUpdate {
  /** Units finished so far. */
  readonly done?: number;
  /** Units that failed so far (shown when not zero). */
  readonly failed?: number;
  /** Known total; the bar needs it, the plain line shows it when known. */
  readonly total?: number;
  /** Rate measured by the library, when it has a better one than done / elapsed. */
  readonly perSecond?: number;
  /** Seconds left, when the library can tell. */
  readonly etaSeconds?: number;
  /** What is happening now, e.g. "uploading" or "waiting for tasks". */
  readonly phase?: string;
}

export interface Progress {
  update(update: ProgressUpdate): void;
  /** Removes the bar (or stops the line timer); safe to call twice. */
  stop(): void;
}

export interface ProgressOptions {
  readonly label: string;
  readonly unit: string;
  readonly total?: number;
  /** Milliseconds between plain lines when not on a terminal (default 2,000). */
  readonly plainIntervalMs?: number;
  readonly now?: () => number;
}

/** The progress display that fits the context: a bar, plain lines or nothing. */
export function createProgress(ctx: CommandContext, options: ProgressOptions): Progress {
  if (ctx.globals.quiet) return { update: () => undefined, stop: () => undefined };
  if (ctx.io.stderrStream.isTTY) return barProgress(ctx, options);
  // LBX_PROGRESS_INTERVAL: milliseconds between plain lines (CI logs may want fewer or more).
  const interval = Number(ctx.io.env["LBX_PROGRESS_INTERVAL"]);
  return plainProgress((line) => ctx.io.stderr.write(`${line}\n`), { ...options, ...(interval > 0 ? { plainIntervalMs: interval } : {}) });
}

interface State {
  done: number;
  failed: number;
  total: number | undefined;
  perSecond: number | undefined;
  etaSeconds: number | undefined;
  phase: string | undefined;
}

function merge(state: State, update: ProgressUpdate): void {
  if (update.done !== undefined) state.done = update.done;
  if (update.failed !== undefined) state.failed = update.failed;
  if (update.total !== undefined) state.total = update.total;
  if (update.perSecond !== undefined) state.perSecond = update.perSecond;
  if (update.etaSeconds !== undefined) state.etaSeconds = update.etaSeconds;
  if (update.phase !== undefined) state.phase = update.phase;
}

/** Rate and time left: the library's figures when it gave them, else done / elapsed. */
export function rates(state: Pick<State, "done" | "total" | "perSecond" | "etaSeconds">, elapsedSeconds: number): { perSecond: number; etaSeconds: number | undefined } {
  const perSecond = state.perSecond ?? (elapsedSeconds > 0 ? state.done / elapsedSeconds : 0);
  let etaSeconds = state.etaSeconds;
  if (etaSeconds === undefined && state.total !== undefined && perSecond > 0) etaSeconds = Math.max(0, (state.total - state.done) / perSecond);
  // An estimate from the first few rows is noise ("43 min left" one row into a 2-second task).
  if (state.total !== undefined && state.done < state.total && state.done < Math.max(10, state.total / 100)) etaSeconds = undefined;
  return { perSecond, etaSeconds };
}

/** One plain progress line, e.g. `importing: 600/1,200 rows (2 failed), 150 rows/s, about 4.0 s left`. */
export function plainLine(label: string, unit: string, state: State, elapsedSeconds: number): string {
  const { perSecond, etaSeconds } = rates(state, elapsedSeconds);
  const of = state.total !== undefined ? `/${count(state.total)}` : "";
  const failed = state.failed > 0 ? ` (${count(state.failed)} failed)` : "";
  const eta = etaSeconds !== undefined && state.done < (state.total ?? Infinity) ? `, about ${duration(etaSeconds)} left` : "";
  const phase = state.phase ? ` [${state.phase}]` : "";
  return `${label}: ${count(state.done)}${of} ${unit}${failed}, ${count(Math.round(perSecond))} ${unit}/s${eta}${phase}`;
}

export function plainProgress(write: (line: string) => void, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const interval = options.plainIntervalMs ?? 2_000;
  const state: State = { done: 0, failed: 0, total: options.total, perSecond: undefined, etaSeconds: undefined, phase: undefined };
  let last = started;
  let stopped = false;
  return {
    update(update) {
      merge(state, update);
      const t = now();
      if (stopped || t - last < interval) return;
      last = t;
      write(plainLine(options.label, options.unit, state, (t - started) / 1000));
    },
    stop() {
      stopped = true;
    },
  };
}

function barProgress(ctx: CommandContext, options: ProgressOptions): Progress {
  const state: State = { done: 0, failed: 0, total: options.total, perSecond: undefined, etaSeconds: undefined, phase: undefined };
  const started = Date.now();
  const style = ctx.printer.err;
  const bar = new cliProgress.SingleBar({
    stream: ctx.io.stderrStream as unknown as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
    stopOnComplete: false,
    fps: 10,
    barsize: 30,
    format: (barOptions, params) => {
      const { perSecond, etaSeconds } = rates(state, (Date.now() - started) / 1000);
      const bar = state.total ? cliProgress.Format.BarFormat(params.progress, barOptions) : "";
      const of = state.total !== undefined ? `/${count(state.total)}` : "";
      const failed = state.failed > 0 ? ` | ${style.red(`${count(state.failed)} failed`)}` : "";
      const eta = etaSeconds !== undefined ? ` | ETA ${duration(etaSeconds)}` : "";
      const phase = state.phase ? ` | ${state.phase}` : "";
      return `${options.label} ${bar ? `${bar} ` : ""}${count(state.done)}${of} ${options.unit}${failed} | ${count(Math.round(perSecond))} ${options.unit}/s${eta}${phase}`;
    },
  });
  bar.start(options.total ?? 0, 0);
  let stopped = false;
  return {
    update(update) {
      if (stopped) return;
      merge(state, update);
      if (state.total !== undefined) bar.setTotal(state.total);
      bar.update(state.done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
