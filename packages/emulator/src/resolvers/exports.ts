// Starting exports: v1 `exportDatasetDataRows` (the same mutation is re-sent to poll, and a
// finished file is reused for a while: "results are cached for 30 minutes") and v2
// `exportDataRowsInCatalog` (a task, streamable or a whole file).
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import { malformed } from "../errors.js";
import { normalizeGlobalKey } from "../rules/global-keys.js";
import { isoTimestamp, parseTimestamp } from "../time.js";
import type { ExportInput } from "../tasks/export-task.js";
import { fileUrl, now, requireDataset } from "./common.js";

interface Clause {
  type?: unknown;
  ids?: unknown;
  operator?: unknown;
  value?: unknown;
}

/** Turns `filters.searchQuery.query` clauses into what the export task filters on. */
function readFilters(ctx: EmulatorContext, clauses: unknown[]): Pick<ExportInput, "datasets" | "rowSeqs" | "globalKeys" | "activity" | "matchNothing"> {
  const out: Pick<ExportInput, "datasets" | "rowSeqs" | "globalKeys" | "activity" | "matchNothing"> = {
    datasets: [],
    rowSeqs: null,
    globalKeys: null,
    activity: null,
    matchNothing: false,
  };
  const max = ctx.services.limits.maxIdsPerExportFilter;
  clauses.forEach((raw, i) => {
    const where = `filters.searchQuery.query[${i}]`;
    if (!raw || typeof raw !== "object") throw malformed(`${where} must be an object`);
    const clause = raw as Clause;
    const ids = (): string[] => {
      if (clause.operator !== undefined && clause.operator !== "is") throw malformed(`${where}: only the "is" operator is supported`);
      if (!Array.isArray(clause.ids) || !clause.ids.every((x) => typeof x === "string")) throw malformed(`${where}.ids must be a list of strings`);
      return clause.ids as string[];
    };
    switch (clause.type) {
      case "dataset":
        for (const id of ids()) out.datasets.push(requireDataset(ctx, id).seq);
        break;
      case "data_row_id": {
        const list = ids();
        if (list.length > max) throw malformed(`${where}: at most ${max} data row ids per export; got ${list.length}`);
        out.rowSeqs = list.map((id) => ctx.services.store.ids.decode("row", id)).filter((s): s is number => s !== null);
        break;
      }
      case "global_key": {
        const list = ids();
        if (list.length > max) throw malformed(`${where}: at most ${max} global keys per export; got ${list.length}`);
        out.globalKeys = list.map(normalizeGlobalKey);
        break;
      }
      case "data_row_last_activity_at":
        out.activity = readRange(clause.value, where);
        break;
      case "labeled_at":
        readRange(clause.value, where);
        out.matchNothing = true; // the emulator has no labels, so no row was ever labeled
        break;
      default:
        throw malformed(`${where}: export filter type ${JSON.stringify(clause.type ?? null)} is not supported by the emulator`);
    }
  });
  if (out.rowSeqs && out.globalKeys) throw malformed("data_row_id and global_key export filters cannot be combined");
  return out;
}

function readRange(value: unknown, where: string): { min: string | null; max: string | null } {
  const v = (value ?? {}) as { operator?: unknown; timezone?: unknown; value?: unknown };
  if (v.timezone !== undefined && v.timezone !== null && v.timezone !== "UTC") {
    throw malformed(`${where}: only the UTC timezone is supported by the emulator; got ${JSON.stringify(v.timezone)}`);
  }
  const at = (text: unknown): string => {
    const ms = typeof text === "string" ? parseTimestamp(text) : null;
    if (ms === null) throw malformed(`${where}: ${JSON.stringify(text)} is not a date-time`);
    return isoTimestamp(ms);
  };
  switch (v.operator) {
    case "BETWEEN": {
      const range = (v.value ?? {}) as { min?: unknown; max?: unknown };
      return { min: at(range.min), max: at(range.max) };
    }
    case "GREATER_THAN_OR_EQUAL":
      return { min: at(v.value), max: null };
    case "LESS_THAN_OR_EQUAL":
      return { min: null, max: at(v.value) };
    default:
      throw malformed(`${where}: unsupported date operator ${JSON.stringify(v.operator ?? null)}`);
  }
}

export const exportResolvers: Resolvers<EmulatorContext> = {
  Mutation: {
    exportDataRowsInCatalog: (_p, { input }, ctx) => {
      const clauses = input.filters.searchQuery.query ?? [];
      const filters = readFilters(ctx, clauses);
      if (filters.datasets.length === 0 && !filters.rowSeqs && !filters.globalKeys) {
        for (const d of ctx.services.store.datasets.list(ctx.org.seq)) if (!d.deleted) filters.datasets.push(d.seq);
      }
      const streamable = input.streamable === true || input.isStreamableReady === true;
      const params = input.params;
      const task = ctx.services.store.tasks.create(
        {
          orgSeq: ctx.org.seq,
          userId: ctx.user.id,
          kind: "export-v2",
          name: input.taskName ?? "Export v2",
          type: "export-data-rows",
          input: {
            operation: ctx.operationName,
            version: 2,
            ...filters,
            params: { includeAttachments: params.includeAttachments === true, includeMetadata: params.includeMetadata === true, includeDataRowDetails: params.includeDataRowDetails === true },
            streamable,
          } satisfies ExportInput,
        },
        now(ctx),
      );
      ctx.services.runner.submit(task.seq);
      return { taskId: task.id, isStreamable: streamable };
    },
    exportDatasetDataRows: (_p, { data }, ctx) => {
      const dataset = requireDataset(ctx, data.datasetId);
      const { store, settings, clock } = ctx.services;
      const key = `${dataset.seq}:${data.includeMetadataInput ? 1 : 0}`;
      const latest = store.tasks.latestExportV1(ctx.user.id, key);
      const fresh = latest && (latest.status === "IN_PROGRESS" || clock() - Date.parse(latest.updatedAt) < settings.exportV1CacheSeconds * 1000);
      const task =
        fresh && latest
          ? latest
          : store.tasks.create(
              {
                orgSeq: ctx.org.seq,
                userId: ctx.user.id,
                kind: "export-v1",
                name: "Export v1",
                type: "export-data-rows-v1",
                input: {
                  operation: ctx.operationName,
                  version: 1,
                  datasets: [dataset.seq],
                  rowSeqs: null,
                  globalKeys: null,
                  activity: null,
                  matchNothing: false,
                  params: { includeAttachments: false, includeMetadata: data.includeMetadataInput, includeDataRowDetails: false },
                  streamable: false,
                  key,
                } satisfies ExportInput,
              },
              now(ctx),
            );
      if (task !== latest) ctx.services.runner.submit(task.seq);
      const complete = task.status === "COMPLETE" && task.resultBlob;
      return { downloadUrl: complete ? fileUrl(ctx, task.resultBlob!) : null, createdAt: complete ? task.updatedAt : null, status: task.status };
    },
  },
};
