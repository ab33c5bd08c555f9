// Datasets: create, get, list, update, soft delete, row count, IAM signer.
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { DatasetRecord } from "../db/records.js";
import { malformed, notFound } from "../errors.js";
import { dataRowOrder, dataRowWhere } from "../db/data-row-filters.js";
import { intArg, now, requireDataset } from "./common.js";
import { matchesWhere, sortBy } from "./where.js";

function datasetField(d: DatasetRecord, name: string): unknown {
  switch (name) {
    case "id":
    case "name":
    case "description":
    case "rowCount":
    case "createdAt":
    case "updatedAt":
      return d[name];
    case "deleted":
      return d.deleted === 1;
    default:
      return undefined;
  }
}

/** True if the filter mentions `deleted` anywhere (otherwise deleted datasets are left out). */
function mentionsDeleted(where: unknown): boolean {
  if (!where || typeof where !== "object") return false;
  return Object.entries(where).some(([k, v]) => k === "deleted" || (Array.isArray(v) && v.some(mentionsDeleted)));
}

export const datasetResolvers: Resolvers<EmulatorContext> = {
  Query: {
    dataset: (_p, { where }, ctx) => requireDataset(ctx, where.id),
    datasets: (_p, { where, skip, first, orderBy }, ctx) => {
      const w = where as Record<string, unknown> | null | undefined;
      const includeDeleted = mentionsDeleted(w);
      const list = ctx.services.store.datasets
        .list(ctx.org.seq)
        .filter((d) => (includeDeleted || !d.deleted) && matchesWhere(w, (name) => datasetField(d, name)));
      const start = intArg(skip, 0, Number.MAX_SAFE_INTEGER);
      return sortBy(list, orderBy, datasetField).slice(start, start + intArg(first, 100, 1000));
    },
  },
  Mutation: {
    createDataset: (_p, { data }, ctx) => {
      if (typeof data.name !== "string" || data.name.trim() === "") throw malformed("A dataset needs a non-empty name");
      return ctx.services.store.datasets.create(ctx.org.seq, data.name, data.description ?? null, now(ctx));
    },
    updateDataset: (_p, { where, data }, ctx) => {
      const dataset = requireDataset(ctx, where.id);
      if (data.name !== undefined && (typeof data.name !== "string" || data.name.trim() === "")) throw malformed("A dataset needs a non-empty name");
      ctx.services.store.datasets.update(
        dataset.seq,
        { name: data.name ?? undefined, description: data.description === undefined ? undefined : data.description, deleted: data.deleted ?? undefined },
        now(ctx),
      );
      return ctx.services.store.datasets.bySeq(dataset.seq)!;
    },
    setSignerForDataset: (_p, { data, where }, ctx) => {
      const dataset = requireDataset(ctx, where.id);
      const integration = ctx.services.store.orgs.iamIntegration(data.signerId);
      if (!integration || integration.orgSeq !== ctx.org.seq) throw notFound("IAMIntegration", data.signerId);
      ctx.services.store.datasets.update(dataset.seq, { signerId: integration.id }, now(ctx));
      return ctx.services.store.datasets.bySeq(dataset.seq)!;
    },
    validateDataset: (_p, { where }, ctx) => {
      const dataset = requireDataset(ctx, where.id);
      const signer = dataset.signerId ? ctx.services.store.orgs.iamIntegration(dataset.signerId) : undefined;
      const success = signer?.valid === true;
      return { valid: success, checks: [{ name: "signer", success }] };
    },
  },
  Dataset: {
    dataRows: (dataset, { where, skip, first, orderBy }, ctx) => {
      const filter = dataRowWhere(where as Record<string, unknown> | null | undefined, ctx.services.store.ids);
      return ctx.services.store.rows.offsetPage(dataset.seq, filter, dataRowOrder(orderBy), intArg(skip, 0, Number.MAX_SAFE_INTEGER), intArg(first, 100, 1000));
    },
    signer: (dataset, _args, ctx) => (dataset.signerId ? (ctx.services.store.orgs.iamIntegration(dataset.signerId) ?? null) : null),
  },
};
