import { execute, RateLimitError, UpsertDataRowsPyApiDocument } from "@lbx/core";
import { sleep } from "@lbx/transport";
import { manifestBody } from "../chunk.js";
import { backoffMs, isTransient, withRetry } from "../retry.js";
import { uploadJson } from "../upload.js";
import type { ImportContext } from "./context.js";
import { findSubmittedTask } from "./reconcile.js";
import type { Span } from "./span.js";

/**
 * Starts the server task for a span (spec §7.2): waits for its chunk files, uploads the manifest,
 * records "submitting" in the checkpoint, sends `upsertDataRows`, records the task id. Returns
 * the task id.
 *
 * `upsertDataRows` with `AUTO` rows is not safe to repeat: if its response is lost, the task may
 * exist. So a failure that leaves this open (no response, 5xx, timeout) is followed by a look for
 * the task (`findSubmittedTask`) before anything is sent again. A 429 means the request was not
 * processed and is simply retried. With every row keyed by global key (`onDuplicate: "update"`)
 * the mutation is idempotent and the transport retries it itself.
 */
export async function submitSpan(ctx: ImportContext, span: Span): Promise<string> {
  const { client, retry, checkpoint } = ctx;
  const chunkUris = await Promise.all(span.chunkUploads);
  span.chunkUploads = [];
  const manifest = manifestBody(span.sent, chunkUris);
  const manifestUri = await withRetry(() => uploadJson(client, manifest, "manifest.json", ctx.signal), retry);
  const idempotent = ctx.settings.onDuplicate === "update" && span.autoRows === 0;

  if (span.plan === "resubmit" && !idempotent && span.submittedAt) {
    // A previous run was killed between recording this span and learning its task id.
    const found = await findSubmittedTask(ctx, span, span.submittedAt);
    if (found) return recordTask(ctx, span, found);
  }
  span.submittedAt = new Date(client.clock.now()).toISOString();
  await checkpoint.recordSpan(span.toRecord("submitting"));

  for (let attempt = 1; ; attempt++) {
    try {
      const data = await execute(client, UpsertDataRowsPyApiDocument, { manifestUri }, { signal: ctx.signal }, idempotent);
      return recordTask(ctx, span, data.upsertDataRows.id);
    } catch (error) {
      if (!isTransient(error) || attempt >= ctx.settings.retryAttempts) throw error;
      if (!idempotent && !(error instanceof RateLimitError)) {
        const found = await findSubmittedTask(ctx, span, span.submittedAt);
        if (found) return recordTask(ctx, span, found);
      }
      const hinted = error instanceof RateLimitError ? error.retryAfterMs : undefined;
      await sleep(hinted ?? backoffMs(attempt, 250, 10_000, Math.random), ctx.signal, client.clock);
    }
  }
}

async function recordTask(ctx: ImportContext, span: Span, taskId: string): Promise<string> {
  span.taskId = taskId;
  ctx.knownTaskIds.add(taskId);
  await ctx.checkpoint.recordSpan(span.toRecord("submitted"));
  return taskId;
}
