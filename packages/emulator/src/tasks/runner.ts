// Runs tasks and global-key jobs in the background, in this process. A task is IN_PROGRESS from
// the moment its mutation returns; after the configured delay a worker does the work in batches,
// yielding to the event loop between them so the server keeps answering polls, and finally marks
// it COMPLETE or FAILED. Tasks left IN_PROGRESS by a crash are resumed when the store is opened
// again (each worker knows how to continue from its recorded progress). With a data directory
// and the built code, upsert tasks run on task threads instead (task-threads.ts): the same
// worker, task faults decided here first, and the same stop at the next pause on close.
import type { Services, TaskServices } from "../context.js";
import type { TaskKind, TaskRecord } from "../db/records.js";
import { isoTimestamp } from "../time.js";
import { runJob } from "./global-key-jobs.js";
import { writeFailedResult } from "./json-import-task.js";
import type { TaskThreads } from "./task-threads.js";

/** Thrown out of `pause()` when the runner is closing; the task stays IN_PROGRESS for resumption. */
export class TaskStopped extends Error {
  constructor() {
    super("The emulator is shutting down");
  }
}

/** What a worker gets besides the task. */
export interface TaskControl {
  /** Lets other work run (plus the configured slow-down); throws TaskStopped when closing. */
  pause(): Promise<void>;
  /** Rows per transaction. */
  batchSize: number;
}

/** Does (or resumes) one kind of task and finishes it. */
export type TaskWorker = (services: TaskServices, task: TaskRecord, control: TaskControl) => Promise<void>;

/**
 * Runs a worker on a task with the runner's error handling: a worker that throws TaskStopped
 * leaves the task IN_PROGRESS (resumed at the next start), any other error fails the task.
 * Shared by the in-process runner and the upsert task threads.
 */
export async function executeTask(services: TaskServices, worker: TaskWorker, task: TaskRecord, control: TaskControl): Promise<void> {
  try {
    await worker(services, task, control);
  } catch (error) {
    if (error instanceof TaskStopped) return; // stays IN_PROGRESS; resumed on the next start
    const message = error instanceof Error ? error.message : String(error);
    services.log(`task ${task.id} (${task.kind}) failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    failTask(services, task, message);
  }
}

/** Ends a task FAILED with `message`; a "JSON Import" task also gets its result file (spec §7.1). */
export function failTask(services: TaskServices, task: TaskRecord, message: string): void {
  const resultBlob = task.kind === "json-import" ? writeFailedResult(services, task, message) : undefined;
  services.store.tasks.finish(task.seq, "FAILED", { error: message, ...(resultBlob ? { resultBlob } : {}) }, isoTimestamp(services.clock()));
}

type Work = { kind: "task"; seq: number } | { kind: "job"; id: string };

export class TaskRunner {
  private services: Services | null = null;
  private readonly queue: Work[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly active = new Set<Promise<void>>();
  private running = 0;
  private closed = false;

  /** `threads`: where upsert tasks run instead of in-process (null = in-process). */
  constructor(
    private readonly workers: Record<TaskKind, TaskWorker>,
    private readonly threads: TaskThreads | null = null,
  ) {}

  /** Connects the runner to its services (they hold the runner too, hence two steps). */
  attach(services: Services): void {
    this.services = services;
  }

  /** Schedules a new task. */
  submit(taskSeq: number): void {
    this.schedule({ kind: "task", seq: taskSeq });
  }

  /** Schedules a new global-key job. */
  submitJob(jobId: string, _operation: string | null): void {
    this.schedule({ kind: "job", id: jobId });
  }

  /** Schedules everything a previous process left unfinished. */
  resume(): void {
    const { store } = this.require();
    for (const task of store.tasks.inProgress()) this.schedule({ kind: "task", seq: task.seq });
    for (const job of store.jobs.pending()) this.schedule({ kind: "job", id: job.id });
  }

  /** Stops taking work and waits for running workers to reach their next pause. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue.length = 0;
    this.threads?.stop();
    await Promise.allSettled([...this.active]);
    await this.threads?.terminate();
  }

  private require(): Services {
    if (!this.services) throw new Error("TaskRunner used before attach()");
    return this.services;
  }

  private schedule(work: Work): void {
    if (this.closed) return;
    const delay = this.require().settings.taskDelayMs;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.push(work);
      this.pump();
    }, delay);
    this.timers.add(timer);
  }

  private pump(): void {
    const services = this.require();
    while (!this.closed && this.running < services.settings.taskConcurrency && this.queue.length > 0) {
      const work = this.queue.shift()!;
      this.running += 1;
      const done = this.run(work)
        .catch((error: unknown) => services.log(`task runner error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
        .finally(() => {
          this.running -= 1;
          this.active.delete(done);
          this.pump();
        });
      this.active.add(done);
    }
  }

  private async run(work: Work): Promise<void> {
    const services = this.require();
    const { store } = services;
    if (work.kind === "job") {
      const job = store.jobs.get(work.id);
      if (!job || job.status !== "PENDING") return;
      const fault = services.faults.forTask(["global-key-job", job.kind, operationOf(job.input)]);
      if (fault === "hang") return;
      if (fault === "fail") return store.jobs.finish(job.id, "FAILED", null);
      try {
        store.jobs.finish(job.id, "COMPLETE", runJob(services, job));
      } catch (error) {
        services.log(`global-key job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        store.jobs.finish(job.id, "FAILED", null);
      }
      return;
    }
    const task = store.tasks.bySeq(work.seq);
    if (!task || task.status !== "IN_PROGRESS") return;
    const fault = services.faults.forTask([task.type, task.kind, task.name, operationOf(task.input)]);
    if (fault === "hang") return;
    if (fault === "fail") return failTask(services, task, "Injected fault: the task failed");
    const control: TaskControl = {
      batchSize: services.settings.taskBatchSize,
      pause: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const extra = services.settings.taskBatchDelayMs;
        if (extra > 0) await new Promise<void>((resolve) => setTimeout(resolve, extra));
        if (this.closed) throw new TaskStopped();
      },
    };
    // Upsert tasks go to a task thread when there are some (file stores, built code).
    if (task.kind === "upsert" && this.threads) return this.threads.run(task.seq);
    await executeTask(services, this.workers[task.kind], task, control);
  }
}

function operationOf(input: string): string | null {
  try {
    const value = JSON.parse(input) as { operation?: unknown };
    return typeof value.operation === "string" ? value.operation : null;
  } catch {
    return null;
  }
}
