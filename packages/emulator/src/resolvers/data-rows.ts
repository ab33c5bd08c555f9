// Data rows: create (classic single create), get, cursor listing, external-id look-up, update,
// delete, and the DataRow fields every response must carry.
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import { EmulatorError, malformed } from "../errors.js";
import { dataRowWhere } from "../db/data-row-filters.js";
import { prepareRow } from "../ingest/prepare.js";
import { RowWriter } from "../ingest/writer.js";
import { attachmentsOf } from "../db/attachments.js";
import { customMetadataView, metadataFieldsView, parseEntries } from "../metadata/stored.js";
import { intArg, now, prepareEnv, requireDataset, requireRow, rowId } from "./common.js";

/** Rule violations in a single create/update: media-type content errors map like the cloud's. */
function rejection(reason: string): EmulatorError {
  if (reason.startsWith("Found invalid contents for media type")) return new EmulatorError("GRAPHQL_VALIDATION_FAILED", reason);
  return malformed(reason);
}

export const dataRowResolvers: Resolvers<EmulatorContext> = {
  Query: {
    dataRow: (_p, { where }, ctx) => requireRow(ctx, where.id),
    datasetDataRows: (_p, { id, from, first, where }, ctx) => {
      const dataset = requireDataset(ctx, id);
      const store = ctx.services.store;
      let fromSeq: number | null = null;
      if (from !== null && from !== undefined && from !== "") {
        fromSeq = store.ids.decode("row", from);
        if (fromSeq === null) throw malformed(`Invalid cursor "${from}"`);
      }
      const size = intArg(first, 500, 1000) || 500;
      const filter = dataRowWhere(where as Record<string, unknown> | null | undefined, store.ids);
      const rows = store.rows.newestFirst(dataset.seq, fromSeq, filter, size + 1);
      const next = rows.length > size ? rows[size] : undefined;
      // The SDK reads the NEXT page's cursor from pageInfo.startCursor (spec §9.3).
      return { nodes: rows.slice(0, size), pageInfo: { hasNextPage: next !== undefined, startCursor: next ? rowId(ctx, next.seq) : null } };
    },
    externalIdsToDataRowIds: (_p, { externalId_in }, ctx) => {
      const datasets = ctx.services.store.datasets.list(ctx.org.seq).map((d) => d.seq);
      // "max of 1500 items returned at a time" (SDK docstring).
      const rows = ctx.services.store.rows.byExternalIds(datasets, externalId_in, 1500);
      return rows.map((r) => ({ dataRowId: rowId(ctx, r.seq), externalId: r.externalId }));
    },
  },
  Mutation: {
    createDataRow: (_p, { data }, ctx) => {
      const dataset = requireDataset(ctx, data.dataset.connect.id);
      const prepared = prepareRow(
        {
          rowData: data.rowData,
          externalId: data.externalId ?? undefined,
          globalKey: data.globalKey ?? undefined,
          metadataFields: data.metadataFields ?? undefined,
          attachments: data.attachments ?? undefined,
          mediaType: data.mediaType ?? undefined,
        },
        prepareEnv(ctx),
        true,
      );
      if (!prepared.ok) throw rejection(prepared.reason);
      const store = ctx.services.store;
      const outcome = store.transaction(() => {
        const writer = new RowWriter(store, () => now(ctx));
        const result = writer.create(ctx.org.seq, dataset.seq, prepared.row);
        writer.flush();
        return result;
      });
      if (!outcome.ok) throw malformed(outcome.reason);
      return store.rows.get(outcome.seq)!;
    },
    updateDataRow: (_p, { where, data }, ctx) => {
      const row = requireRow(ctx, where.id);
      const prepared = prepareRow(
        {
          rowData: data.rowData ?? undefined,
          externalId: data.externalId ?? undefined,
          globalKey: data.globalKey ?? undefined,
          metadataFields: data.metadataFields ?? undefined,
        },
        prepareEnv(ctx),
        false,
      );
      if (!prepared.ok) throw rejection(prepared.reason);
      if (data.mediaAttributes !== undefined && data.mediaAttributes !== null) {
        if (typeof data.mediaAttributes !== "object" || Array.isArray(data.mediaAttributes)) throw malformed("mediaAttributes must be an object");
        prepared.row.mediaAttributes = JSON.stringify(data.mediaAttributes);
      }
      const store = ctx.services.store;
      const outcome = store.transaction(() => new RowWriter(store, () => now(ctx)).update(row.seq, prepared.row));
      if (!outcome.ok) throw malformed(outcome.reason);
      return store.rows.get(row.seq)!;
    },
    deleteDataRows: (_p, { where }, ctx) => {
      const ids = where.dataRowIds;
      const limit = ctx.services.limits.maxRowsPerBulkDelete;
      if (ids.length > limit) throw malformed(`Cannot delete more than ${limit} data rows at once; got ${ids.length}`);
      const store = ctx.services.store;
      return store.transaction(() => {
        const writer = new RowWriter(store, () => now(ctx));
        const deleted = [];
        for (const id of ids) {
          const seq = store.ids.decode("row", id);
          const row = seq === null ? undefined : store.rows.get(seq);
          if (!row || row.orgSeq !== ctx.org.seq) continue;
          if (writer.delete(row.seq) !== null) deleted.push(row);
        }
        writer.flush();
        return deleted;
      });
    },
  },
  DataRow: {
    id: (row, _a, ctx) => rowId(ctx, row.seq),
    mediaAttributes: (row) => (row.mediaAttributes ? JSON.parse(row.mediaAttributes) : {}),
    customMetadata: (row, _a, ctx) => customMetadataView(parseEntries(row.metadata), ctx.services.ontologies.of(row.orgSeq)),
    metadataFields: (row, _a, ctx) => metadataFieldsView(parseEntries(row.metadata), ctx.services.ontologies.of(row.orgSeq)),
    attachments: (row, { skip, first }) => {
      const start = intArg(skip, 0, Number.MAX_SAFE_INTEGER);
      return attachmentsOf(row.seq, row.attachments).slice(start, start + intArg(first, 100, 1000));
    },
    dataset: (row, _a, ctx) => ctx.services.store.datasets.bySeq(row.datasetSeq) ?? null,
    createdBy: () => null,
    organization: (row, _a, ctx) => ctx.services.store.orgs.org(row.orgSeq) ?? null,
  },
};
