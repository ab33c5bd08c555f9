// Bulk creation: the classic descriptor import (`appendRowsToDataset`, a "JSON Import" task, and
// its synchronous sibling) and the modern chunked upsert (`upsertDataRows`).
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { BlobRecord } from "../db/records.js";
import { malformed } from "../errors.js";
import { readItem } from "../ingest/items.js";
import { prepareRow } from "../ingest/prepare.js";
import { RowWriter } from "../ingest/writer.js";
import { rejectBatch } from "../ingest/classic.js";
import type { JsonImportInput } from "../tasks/json-import-task.js";
import type { UpsertInput } from "../tasks/upsert-task.js";
import { now, prepareEnv, requireDataset } from "./common.js";

/** The blob behind a URL this emulator issued to the caller's organization, or null. */
function ownBlob(ctx: EmulatorContext, url: string): BlobRecord | null {
  const id = ctx.services.files.blobIdOf(url);
  const blob = id ? ctx.services.files.get(id) : undefined;
  return blob && blob.orgSeq === ctx.org.seq ? blob : null;
}

function parseJson(ctx: EmulatorContext, blob: BlobRecord, what: string): unknown {
  try {
    return JSON.parse(ctx.services.files.readText(blob));
  } catch {
    throw malformed(`The ${what} is not valid JSON`);
  }
}

export const importResolvers: Resolvers<EmulatorContext> = {
  Mutation: {
    appendRowsToDataset: (_p, { data }, ctx) => {
      const dataset = requireDataset(ctx, data.datasetId);
      const blob = ownBlob(ctx, data.jsonFileUrl);
      if (!blob) {
        return { taskId: null, accepted: false, errorMessage: "jsonFileUrl must be a URL returned by uploadFile (the emulator cannot fetch other URLs)" };
      }
      const input: JsonImportInput = { operation: ctx.operationName, baseUrl: ctx.baseUrl, datasetSeq: dataset.seq, descriptor: blob.id };
      const task = ctx.services.store.tasks.create({ orgSeq: ctx.org.seq, userId: ctx.user.id, kind: "json-import", name: "JSON Import", type: null, input }, now(ctx));
      ctx.services.runner.submit(task.seq);
      return { taskId: task.id, accepted: true, errorMessage: null };
    },
    appendRowsToDatasetSync: (_p, { data }, ctx) => {
      const dataset = requireDataset(ctx, data.datasetId);
      const blob = ownBlob(ctx, data.jsonFileUrl);
      if (!blob) throw malformed("jsonFileUrl must be a URL returned by uploadFile (the emulator cannot fetch other URLs)");
      const items = parseJson(ctx, blob, "descriptor file");
      if (!Array.isArray(items)) throw malformed("The descriptor file must be a JSON array of data rows");
      const { store, limits } = ctx.services;
      if (items.length > limits.maxRowsPerSyncImport) throw malformed(`Cannot create more than ${limits.maxRowsPerSyncImport} DataRows synchronously; got ${items.length}`);
      if (!ctx.org.adv) {
        const rejection = rejectBatch(items, store, ctx.org.seq, limits.maxGlobalKeyLength, ctx.services.ontologies.of(ctx.org.seq));
        if (rejection) throw malformed(typeof rejection.error === "string" ? rejection.error : rejection.error.message);
      }
      const env = prepareEnv(ctx);
      const problems: string[] = [];
      const rows = items.map((raw, i) => {
        const item = readItem(raw);
        const prepared = item.ok ? prepareRow(item.input, env, true) : item;
        if (!prepared.ok) problems.push(`item ${i}: ${prepared.reason}`);
        return prepared.ok ? prepared.row : null;
      });
      if (problems.length) throw malformed(problems.join("; "));
      // All or nothing: a failure anywhere rolls the whole call back.
      store.transaction(() => {
        const writer = new RowWriter(store, () => now(ctx));
        rows.forEach((row, i) => {
          const outcome = writer.create(ctx.org.seq, dataset.seq, row!);
          if (!outcome.ok) throw malformed(`item ${i}: ${outcome.reason}`);
        });
        writer.flush();
      });
      return { dataset: store.datasets.bySeq(dataset.seq)! };
    },
    upsertDataRows: (_p, { data }, ctx) => {
      const blob = ownBlob(ctx, data.manifestUri);
      if (!blob) throw malformed("manifestUri must be a URL returned by uploadFile");
      const manifest = parseJson(ctx, blob, "manifest") as { item_count?: unknown; chunk_uris?: unknown };
      if (!manifest || typeof manifest !== "object" || !Array.isArray(manifest.chunk_uris)) {
        throw malformed('The manifest must be {"source", "item_count", "chunk_uris": [...]}');
      }
      const chunks = manifest.chunk_uris.map((uri, i) => {
        const chunk = typeof uri === "string" ? ownBlob(ctx, uri) : null;
        if (!chunk) throw malformed(`chunk_uris[${i}] is not a URL returned by uploadFile`);
        return chunk.id;
      });
      const itemCount = typeof manifest.item_count === "number" ? manifest.item_count : 0;
      const max = ctx.services.limits.maxRowsPerTask;
      if (itemCount > max) throw malformed(`A task can hold at most ${max} data rows; the manifest has ${itemCount}`);
      const input: UpsertInput = { operation: ctx.operationName, baseUrl: ctx.baseUrl, chunks, itemCount };
      const task = ctx.services.store.tasks.create(
        { orgSeq: ctx.org.seq, userId: ctx.user.id, kind: "upsert", name: "upsert", type: "adv-upsert-data-rows", input },
        now(ctx),
      );
      ctx.services.runner.submit(task.seq);
      return task;
    },
  },
};
