// Server-side limits. Defaults are the cloud's documented values (spec and design/user-needs.md);
// every one is configurable so clients can test their own handling of each limit cheaply.

/** Limits the emulator enforces. A value of 0 disables the limits documented as "0 = no limit". */
export interface Limits {
  /** Longest global key, in characters (cloud: 200). */
  maxGlobalKeyLength: number;
  /** Data rows one import task may hold (cloud: 150,000). */
  maxRowsPerTask: number;
  /** Rows `appendRowsToDatasetSync` accepts (SDK: 1,000). */
  maxRowsPerSyncImport: number;
  /** Ids one `deleteDataRows` call may name (cloud: 4,000). */
  maxRowsPerBulkDelete: number;
  /** Ids in one `data_row_id` / `global_key` export filter (cloud: 2,000). */
  maxIdsPerExportFilter: number;
  /** Characters in a String metadata value (cloud: 4,096). */
  maxStringMetadataLength: number;
  /** Numbers in an Embedding metadata value (cloud: 128). */
  embeddingDimensions: number;
  /** Options of one enum metadata schema (cloud: 64). */
  maxEnumOptions: number;
  /** Custom (non-reserved) top-level metadata schemas per organization; 0 = no limit. */
  maxCustomMetadataSchemas: number;
  /** Metadata fields on one data row (legacy docs: 5); 0 = no limit (the current cloud documents none). */
  maxMetadataFieldsPerRow: number;
  /** Attachments on one data row; 0 = no limit. */
  maxAttachmentsPerRow: number;
  /** Characters of raw-text row data (cloud: 64K). */
  maxRowDataLength: number;
  /** Bytes of one uploaded file (cloud: 256 MB). */
  maxUploadBytes: number;
  /** Bytes of one JSON request body. */
  maxRequestBytes: number;
  /** Deepest selection nesting a document may have. */
  maxQueryDepth: number;
  /** Most fields a document may select (fragments expanded). */
  maxQueryFields: number;
}

export const defaultLimits: Limits = {
  maxGlobalKeyLength: 200,
  maxRowsPerTask: 150_000,
  maxRowsPerSyncImport: 1_000,
  maxRowsPerBulkDelete: 4_000,
  maxIdsPerExportFilter: 2_000,
  maxStringMetadataLength: 4_096,
  embeddingDimensions: 128,
  maxEnumOptions: 64,
  maxCustomMetadataSchemas: 500,
  maxMetadataFieldsPerRow: 0,
  maxAttachmentsPerRow: 0,
  maxRowDataLength: 65_536,
  maxUploadBytes: 256 * 1024 * 1024,
  maxRequestBytes: 32 * 1024 * 1024,
  maxQueryDepth: 12,
  maxQueryFields: 1_000,
};

/** `defaultLimits` with the given overrides, each checked to be a non-negative integer. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = { ...defaultLimits };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in defaultLimits)) throw new TypeError(`Unknown limit "${name}"`);
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new TypeError(`Limit "${name}" must be a non-negative integer, got ${String(value)}`);
    }
    (limits as Record<string, number>)[name] = value;
  }
  return limits;
}
