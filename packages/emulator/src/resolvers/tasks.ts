// Task fields, `task(where)` (streamable export access) and the paged results of import tasks.
import fs from "node:fs";
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { TaskRecord } from "../db/records.js";
import { malformed, notFound } from "../errors.js";
import type { ExportIndex } from "../exports/ndjson-writer.js";
import type { ExportInput } from "../tasks/export-task.js";
import { describe, reportable } from "../tasks/failure-spec.js";
import { fileUrl, intArg, rowId } from "./common.js";

/** A task the caller created (only its creator sees a task), or null. */
export function visibleTask(ctx: EmulatorContext, id: string | null | undefined): TaskRecord | null {
  if (!id) return null;
  const task = ctx.services.store.tasks.byId(id);
  return task && task.userId === ctx.user.id && task.kind !== "export-v1" ? task : null;
}

function exportIndex(task: TaskRecord): ExportIndex | null {
  if (task.kind !== "export-v2" || task.status !== "COMPLETE" || !task.progress || !task.resultBlob) return null;
  return JSON.parse(task.progress) as ExportIndex;
}

/** Parses the `from` cursor of the result pages: the last item index of the previous page. */
function cursor(from: string | null | undefined): number {
  if (from === null || from === undefined || from === "") return -1;
  if (!/^\d+$/.test(from)) throw malformed(`Invalid cursor "${from}"`);
  return Number(from);
}

function importTask(ctx: EmulatorContext, taskId: string): TaskRecord {
  const task = visibleTask(ctx, taskId);
  if (!task || (task.kind !== "upsert" && task.kind !== "json-import")) throw notFound("Task", taskId);
  return task;
}

export const taskResolvers: Resolvers<EmulatorContext> = {
  Query: {
    task: (_p, { where }, ctx) => visibleTask(ctx, where?.id),
    successesfulDataRowImports: (_p, { data }, ctx) => {
      const task = importTask(ctx, data.taskId);
      const store = ctx.services.store;
      const limit = intArg(data.first, 5000, 10_000) || 5000;
      const page = store.results.successes(task.seq, cursor(data.from), limit + 1);
      const more = page.length > limit;
      const nodes = page.slice(0, limit).map((s) => {
        const row = store.rows.get(s.rowSeq);
        return { id: rowId(ctx, s.rowSeq), externalId: row?.externalId ?? null, globalKey: row?.globalKey ?? null, rowData: row?.rowData ?? null };
      });
      return { nodes, after: more ? String(page[limit - 1]!.item) : null, total: store.results.count(task.seq).successes };
    },
    failedDataRowImports: (_p, { data }, ctx) => {
      const task = importTask(ctx, data.taskId);
      const store = ctx.services.store;
      const ontology = ctx.services.ontologies.of(task.orgSeq);
      const limit = intArg(data.first, 5000, 10_000) || 5000;
      const page = store.results.failures(task.seq, cursor(data.from), limit + 1);
      const more = page.length > limit;
      const results = page.slice(0, limit).map((f) => {
        const stored = JSON.parse(f.spec) as unknown;
        return { message: f.message, spec: task.kind === "json-import" ? describe(stored, ontology) : reportable(stored) };
      });
      return { results: results as never, after: more ? String(page[limit - 1]!.item) : null, total: store.results.count(task.seq).failures };
    },
  },
  Task: {
    completionPercentage: (task) => task.completionPercentage,
    metadata: (task) => (task.metadata ? JSON.parse(task.metadata) : null),
    result: (task, _a, ctx) => {
      if (!task.resultBlob || task.kind === "upsert" || task.kind === "export-v1") return null;
      if (task.kind === "export-v2" && (JSON.parse(task.input) as ExportInput).streamable) return null;
      return fileUrl(ctx, task.resultBlob);
    },
    errors: (task, _a, ctx) => (task.errorsBlob ? fileUrl(ctx, task.errorsBlob) : null),
    exportMetadataHeader: (task, { streamType }) => {
      const index = streamType === "RESULT" ? exportIndex(task) : null;
      return index ? { totalSize: index.totalSize, totalLines: index.totalLines } : null;
    },
    exportFileFromOffset: (task, { streamType, offset }, ctx) => {
      const index = streamType === "RESULT" ? exportIndex(task) : null;
      if (!index) return null;
      const start = Number(offset);
      if (!Number.isSafeInteger(start) || start < 0 || start >= index.totalSize) {
        throw malformed(`Offset ${String(offset)} is outside the export stream (0..${index.totalSize - 1})`);
      }
      let at = 0;
      while (at + 1 < index.chunks.length && index.chunks[at + 1]![0] <= start) at += 1;
      const [chunkStart, chunkLine] = index.chunks[at]!;
      const next = index.chunks[at + 1];
      const end = (next ? next[0] : index.totalSize) - 1;
      let firstLine = chunkLine;
      if (start > chunkStart) {
        // A client resuming mid-chunk: count the lines before its offset.
        const blob = ctx.services.files.get(task.resultBlob!)!;
        const head = Buffer.alloc(start - chunkStart);
        const fd = fs.openSync(ctx.services.files.absPath(blob), "r");
        try {
          fs.readSync(fd, head, 0, head.length, chunkStart);
        } finally {
          fs.closeSync(fd);
        }
        for (const byte of head) if (byte === 10) firstLine += 1;
      }
      return {
        offsets: { start, end },
        lines: { start: firstLine, end: (next ? next[1] : index.totalLines) - 1 },
        file: fileUrl(ctx, task.resultBlob!, { start, end }),
      };
    },
  },
};
