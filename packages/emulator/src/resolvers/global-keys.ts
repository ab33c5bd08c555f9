// Global-key jobs: look up, assign and clear are asynchronous; each call returns a job id and the
// client polls the matching `...Result` query until jobStatus is COMPLETE or FAILED.
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { JobKind, JobRecord } from "../db/jobs.js";
import { notFound } from "../errors.js";
import { now } from "./common.js";

function startJob(ctx: EmulatorContext, kind: JobKind, input: unknown): { jobId: string } {
  const job = ctx.services.store.jobs.create(ctx.org.seq, ctx.user.id, kind, input, now(ctx));
  ctx.services.runner.submitJob(job.id, ctx.operationName);
  return { jobId: job.id };
}

/** A job of the caller's organization and kind, or RESOURCE_NOT_FOUND. */
function requireJob(ctx: EmulatorContext, id: string, kind: JobKind): JobRecord {
  const job = ctx.services.store.jobs.get(id);
  if (!job || job.orgSeq !== ctx.org.seq || job.kind !== kind) throw notFound("Job", id);
  return job;
}

function jobResult<T>(job: JobRecord): { jobStatus: string; data: T | null } {
  return { jobStatus: job.status, data: job.status === "COMPLETE" && job.result ? (JSON.parse(job.result) as T) : null };
}

export const globalKeyResolvers: Resolvers<EmulatorContext> = {
  Query: {
    dataRowsForGlobalKeys: (_p, { where }, ctx) => startJob(ctx, "lookup", { keys: where.ids }),
    dataRowsForGlobalKeysResult: (_p, { jobId }, ctx) => jobResult(requireJob(ctx, jobId.id, "lookup")),
    assignGlobalKeysToDataRowsResult: (_p, { jobId }, ctx) => jobResult(requireJob(ctx, jobId.id, "assign")),
    clearGlobalKeysResult: (_p, { jobId }, ctx) => jobResult(requireJob(ctx, jobId.id, "clear")),
  },
  Mutation: {
    assignGlobalKeysToDataRows: (_p, { data }, ctx) =>
      startJob(ctx, "assign", { assignments: data.assignInputs.map((a) => ({ dataRowId: a.dataRowId, globalKey: a.globalKey })) }),
    clearGlobalKeys: (_p, { where }, ctx) => startJob(ctx, "clear", { keys: where.ids }),
  },
};
