import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import { type Issues, problem } from "../validation/issues.js";

// `Symbol.for`, so a list resolved by one copy of @lbx/core is recognized by another (ESM + CJS).
const RESOLVED: unique symbol = Symbol.for("lbx.resolvedMetadataFields");

/**
 * Metadata fields checked against the organization's ontology and turned into the wire form
 * (`{ schemaId, value }` entries; an enum is two entries), as {@link resolveMetadataFields}
 * returns them. Only that function makes one, so a list that was never checked cannot pass for one.
 */
export type ResolvedMetadataFields = readonly DataRowCustomMetadataUpsertInput[] & { readonly [RESOLVED]: true };

/** @internal Brands serialized entries as resolved (a non-enumerable symbol: JSON and logs do not show it). */
export function markResolved(entries: DataRowCustomMetadataUpsertInput[]): ResolvedMetadataFields {
  return Object.defineProperty(entries, RESOLVED, { value: true }) as unknown as ResolvedMetadataFields;
}

/** @internal Records an issue unless `value` came from {@link resolveMetadataFields}. */
export function checkResolvedMetadata(value: unknown, path: string, issues: Issues): void {
  if (!(Array.isArray(value) && (value as Partial<ResolvedMetadataFields>)[RESOLVED])) {
    problem(issues, path, "must come from resolveMetadataFields(client, fields)");
  }
}
