import type { GetDataRowPyApiQuery } from "../generated/operation-types.js";

type Raw = NonNullable<GetDataRowPyApiQuery["dataRow"]>;

/** A metadata value as the server reports it on a row: for an enum, `value` is the option's name. */
export type DataRowMetadataField = NonNullable<Raw["metadataFields"]>[number];

/**
 * A data row as the server returns it. `metadataFields` is never null here (the server may send
 * null; we give `[]`). Timestamps are ISO strings.
 */
export type DataRowRecord = Omit<Raw, "metadataFields"> & { readonly metadataFields: readonly DataRowMetadataField[] };

/** @internal Normalizes a DataRow selection from any operation. */
export function toDataRowRecord(raw: Raw): DataRowRecord {
  return { ...raw, metadataFields: raw.metadataFields ?? [] };
}
