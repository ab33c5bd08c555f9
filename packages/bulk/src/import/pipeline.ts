import { TaskFailedError } from "@lbx/core";
import { Semaphore, signal } from "../semaphore.js";
import { taskHandle } from "../task-handle.js";
import type { ImportContext } from "./context.js";
import { emitSpan, type OutcomeSink } from "./emit.js";
import type { Span, TaskEnd } from "./span.js";
import { submitSpan } from "./submit.js";

/**
 * Runs closed spans: at most `concurrency` server tasks at once (submitted or re-attached, then
 * polled), and reports their rows strictly in span order, whatever order the tasks finish in. At
 * most `2 × concurrency` spans are alive (closed, not yet reported); `push` waits for room, which
 * is what holds back reading the input.
 */
export class SpanPipeline {
  private readonly alive: Span[] = [];
  private readonly taskSlots: Semaphore;
  private readonly maxAlive: number;
  private changed = signal();
  private ended = false;
  private readonly reporting: Promise<void>;

  constructor(
    private readonly ctx: ImportContext,
    private readonly sink: OutcomeSink,
  ) {
    this.taskSlots = new Semaphore(ctx.settings.concurrency);
    this.maxAlive = ctx.settings.concurrency * 2;
    this.reporting = this.report();
    this.reporting.catch((error: unknown) => ctx.fail(error));
    ctx.signal.addEventListener("abort", () => this.notify(), { once: true });
  }

  /** Takes a closed span; resolves when another may be closed. */
  async push(span: Span): Promise<void> {
    this.alive.push(span);
    span.done = this.run(span);
    span.done.catch((error: unknown) => this.ctx.fail(error));
    this.notify();
    while (this.alive.length >= this.maxAlive) {
      this.ctx.throwIfFailed();
      await this.changed.promise;
    }
  }

  /** No more spans: resolves when every span is reported. */
  async finish(): Promise<void> {
    this.ended = true;
    this.notify();
    await this.reporting;
  }

  /** After a fatal error: resolves once nothing this pipeline started is still running. */
  async settle(): Promise<void> {
    this.notify();
    await Promise.allSettled([this.reporting, ...this.alive.map((s) => s.done)]);
  }

  private notify(): void {
    const { resolve } = this.changed;
    this.changed = signal();
    resolve();
  }

  private async run(span: Span): Promise<TaskEnd> {
    const { ctx } = this;
    if (span.plan !== "attach" && span.sent === 0) return { status: "NONE" };
    await this.taskSlots.acquire();
    try {
      ctx.throwIfFailed();
      const taskId = span.plan === "attach" ? span.taskId! : await submitSpan(ctx, span);
      const task = taskHandle(ctx.client, taskId);
      ctx.progress.tasksStarted += 1;
      ctx.options.onTask?.(task, { start: span.start, end: span.end });
      try {
        await task.waitTillDone({ timeout: ctx.settings.taskTimeoutMs, signal: ctx.signal });
        return { status: "COMPLETE" };
      } catch (error) {
        if (error instanceof TaskFailedError) return { status: "FAILED", message: error.message };
        throw error;
      } finally {
        ctx.progress.tasksDone += 1;
        ctx.progress.report();
      }
    } finally {
      this.taskSlots.release();
    }
  }

  private async report(): Promise<void> {
    const { ctx } = this;
    for (;;) {
      ctx.throwIfFailed();
      const span = this.alive[0];
      if (!span) {
        if (this.ended) return;
        await this.changed.promise;
        continue;
      }
      const end = await span.done!;
      await emitSpan(ctx, this.sink, span, end);
      this.alive.shift();
      this.notify();
    }
  }
}
