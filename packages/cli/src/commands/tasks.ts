// lbx tasks get ID | wait ID [--timeout SECONDS]
import { getTask, type TaskRecord, waitForTask } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, positiveInt, type Runtime } from "../command-kit.js";
import { ExitCode } from "../exit-codes.js";
import { renderRecord } from "../output/record.js";
import type { Style } from "../output/style.js";

function render(task: TaskRecord, style: Style): string {
  return renderRecord(
    [
      ["id", task.id],
      ["name", task.name],
      ["type", task.type],
      ["status", task.status],
      ["progress", task.completionPercentage == null ? undefined : `${Math.round(task.completionPercentage * 100) / 100}%`],
      ["created", task.createdAt],
      ["updated", task.updatedAt],
      ["errors", task.errors],
    ],
    style,
  );
}

/** A FAILED task is a failure of the command (exit 1); the task itself is still printed. */
const exitFor = (task: TaskRecord) => (task.status === "FAILED" ? ExitCode.failure : ExitCode.ok);

export function registerTasks(program: Command, runtime: Runtime): void {
  const tasks = program.command("tasks").description("server tasks (imports, exports)");
  examples(tasks, "lbx tasks get ckxyz0123456789abcdefghij", "lbx tasks wait ckxyz0123456789abcdefghij --timeout 600");

  examples(
    tasks
      .command("get")
      .description("show a task's status (only the user who created a task can see it)")
      .argument("<id>", "task id")
      .action(
        action(runtime, async (ctx, _options, [id]) => {
          const task = await getTask(await ctx.client(), id as string, { signal: ctx.signal });
          ctx.printer.result(task, () => render(task, ctx.printer.out));
          return exitFor(task);
        }),
      ),
    "lbx tasks get ckxyz0123456789abcdefghij --json",
  );

  examples(
    tasks
      .command("wait")
      .description("wait until a task is done; exits 1 if it failed")
      .argument("<id>", "task id")
      .option("--timeout <seconds>", "give up after this long (default 300)", positiveInt("--timeout"))
      .action(
        action<{ timeout?: number }>(runtime, async (ctx, options, [id]) => {
          const client = await ctx.client();
          ctx.printer.status(`Waiting for task ${id as string}...`);
          try {
            const task = await waitForTask(client, id as string, {
              signal: ctx.signal,
              timeoutMs: (options.timeout ?? 300) * 1000,
            });
            ctx.printer.result(task, () => render(task, ctx.printer.out));
            return ExitCode.ok;
          } catch (error) {
            // A failed task is reported as the task (its errors included), not as a bare message.
            if ((error as { code?: string }).code !== "TASK_FAILED") throw error;
            const task = await getTask(client, id as string, { signal: ctx.signal });
            ctx.printer.result(task, () => render(task, ctx.printer.out));
            return exitFor(task);
          }
        }),
      ),
    "lbx tasks wait ckxyz0123456789abcdefghij",
    "lbx tasks wait ckxyz0123456789abcdefghij --timeout 600 --json",
  );
}
