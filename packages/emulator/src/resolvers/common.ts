// Lookups every resolver needs: the current time, and objects of the caller's organization
// (another organization's objects are reported as not found, never as "access denied", so their
// existence does not leak).
import type { EmulatorContext } from "../context.js";
import type { DataRowRecord, DatasetRecord } from "../db/records.js";
import { notFound } from "../errors.js";
import { isoTimestamp } from "../time.js";
import type { PrepareEnv } from "../ingest/prepare.js";

/** Now, formatted for the wire. */
export function now(ctx: EmulatorContext): string {
  return isoTimestamp(ctx.services.clock());
}

/** A live (not deleted) dataset of the caller's organization, or RESOURCE_NOT_FOUND. */
export function requireDataset(ctx: EmulatorContext, id: string): DatasetRecord {
  const dataset = ctx.services.store.datasets.byId(id);
  if (!dataset || dataset.orgSeq !== ctx.org.seq || dataset.deleted) throw notFound("Dataset", id);
  return dataset;
}

/** The seq of a data row of the caller's organization, or null. */
export function rowSeqOf(ctx: EmulatorContext, id: string): number | null {
  const seq = ctx.services.store.ids.decode("row", id);
  if (seq === null) return null;
  const row = ctx.services.store.rows.get(seq);
  return row && row.orgSeq === ctx.org.seq ? seq : null;
}

/** A data row of the caller's organization, or RESOURCE_NOT_FOUND. */
export function requireRow(ctx: EmulatorContext, id: string): DataRowRecord {
  const seq = ctx.services.store.ids.decode("row", id);
  const row = seq === null ? undefined : ctx.services.store.rows.get(seq);
  if (!row || row.orgSeq !== ctx.org.seq) throw notFound("DataRow", id);
  return row;
}

/** The public id of a data row. */
export function rowId(ctx: EmulatorContext, seq: number): string {
  return ctx.services.store.ids.encode("row", seq);
}

/** What row preparation needs, for the caller's organization. */
export function prepareEnv(ctx: EmulatorContext): PrepareEnv {
  const { services } = ctx;
  return { orgSeq: ctx.org.seq, ontology: services.ontologies.of(ctx.org.seq), limits: services.limits, files: services.files, baseUrl: ctx.baseUrl };
}

/** A signed URL of a blob, built on the address the client used. */
export function fileUrl(ctx: EmulatorContext, blobId: string, range?: { start: number; end: number }): string {
  return ctx.services.files.signedUrl(ctx.baseUrl, blobId, range);
}

/** A non-negative integer argument with a default and an upper bound. */
export function intArg(value: number | null | undefined, fallback: number, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) return fallback;
  return Math.min(value, max);
}
