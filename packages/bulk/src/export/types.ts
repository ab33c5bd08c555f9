/**
 * One line of the streamable export (`exportDataRowsInCatalog`, spec §8.2), as the server writes
 * it: snake_case, the same shape Python's `dataset.export()` yields. Which sections are filled
 * depends on the include options; the keys are always present.
 */
export interface ExportedDataRow {
  readonly data_row: {
    readonly id: string;
    readonly global_key: string | null;
    readonly external_id: string | null;
    readonly row_data: string;
    /** With `includeDataRowDetails`. */
    readonly details?: {
      readonly dataset_id: string | null;
      readonly dataset_name: string | null;
      readonly created_at: string;
      readonly updated_at: string;
      readonly last_activity_at: string;
      readonly created_by: string | null;
    };
  };
  /** e.g. `{ mime_type: "image/jpeg", width: 640, height: 480 }`; `{}` until the server has looked at the asset. */
  readonly media_attributes: Readonly<Record<string, unknown>>;
  /** With `includeAttachments`. */
  readonly attachments: readonly { readonly id?: string; readonly type: string; readonly value: string; readonly name: string | null }[];
  /** With `includeMetadata`: an enum's value is the chosen option `{schema_id, schema_name}`. */
  readonly metadata_fields: readonly {
    readonly schema_id: string;
    readonly schema_name: string;
    readonly schema_kind: string;
    readonly value: unknown;
  }[];
  readonly embeddings: readonly unknown[];
  readonly projects: Readonly<Record<string, unknown>>;
}

export interface ExportOptions {
  /** Include `metadata_fields`. Default false. */
  readonly includeMetadata?: boolean;
  /** Include `attachments`. Default false. */
  readonly includeAttachments?: boolean;
  /** Include `data_row.details` (dataset, timestamps). Default false. */
  readonly includeDataRowDetails?: boolean;
  /** Deadline for each export task to finish on the server, in seconds. Default 7,200 (Python's `ExportTask` default). */
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
  /** Export only these rows (any number; sent in exports of at most 2,000 ids). Not with `globalKeys`. */
  readonly dataRowIds?: readonly string[];
  /** Export only the rows with these global keys (any number; at most 2,000 per export). Not with `dataRowIds`. */
  readonly globalKeys?: readonly string[];
  /** Called once per export task (several when a filter is split), with its id. */
  readonly onTask?: (taskId: string) => void;
  /** Attempts for each step that is safe to repeat, on top of the transport's own retries. Default 8. */
  readonly retryAttempts?: number;
}
