import {
  checkDataRowInput,
  type DataRowInput,
  findMetadataSchema,
  getMetadataOntology,
  type LbxClient,
  type MetadataFieldInput,
  type MetadataOntology,
  serializeMetadata,
  unknownSchemaRefs,
  uploadFile,
  type ValidationIssue,
} from "@lbx/core";
import { utf8Length } from "../chunk.js";
import { type Hash64, hash64 } from "../hash.js";
import { identityHash, ROW_DATA_NOT_ECHOED } from "../identity-table.js";
import { UnreadableRow } from "../input.js";
import type { RecentKeys } from "../key-set.js";
import { withRetry, type RetryOptions } from "../retry.js";
import type { DuplicatePolicy, RowOutcome } from "../types.js";

/** A row that gets its outcome without being sent: invalid, unreadable, or a repeated key. */
export interface LocalRow {
  readonly kind: "local";
  readonly index: number;
  readonly outcome: Extract<RowOutcome, { status: "failed" }>;
  /** Fingerprint of the input row, for the resume check. */
  readonly rowHash: Hash64;
}

/** A valid row, serialized as one upsert spec for a chunk file. */
export interface SendRow {
  readonly kind: "send";
  readonly index: number;
  /** `JSON.stringify(spec)`; empty when the row will not be sent by this run (`upload: false`). */
  readonly json: string;
  /** UTF-8 length of `json`. */
  readonly bytes: number;
  readonly globalKey: string | undefined;
  /** Hash of what identifies the row in the task's results. */
  readonly identity: Hash64;
  readonly rowHash: Hash64;
}

export type EncodedRow = LocalRow | SendRow;

export interface EncoderOptions {
  readonly client: LbxClient;
  readonly datasetId: string;
  readonly onDuplicate: DuplicatePolicy;
  readonly retry: RetryOptions;
  /** Global keys of the recent input rows, with the index that first had each. */
  readonly keys: RecentKeys;
  /** Compute each row's fingerprint (only a checkpointed import needs them). */
  readonly fingerprint: boolean;
  /** A row larger than this as a chunk file can never be sent. */
  readonly maxRowBytes: number;
}

/** The fingerprint of every row when nobody needs fingerprints. */
const NO_HASH: Hash64 = { hi: 0, lo: 0 };

const NUMBER_TEXT = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A valid row with its spec built, waiting only for its file (if any) to be uploaded. */
export interface PreparedRow {
  readonly kind: "prepared";
  readonly index: number;
  readonly spec: { id: { type: string; value: string }; payload: Record<string, unknown> };
  readonly file: Blob | undefined;
  readonly globalKey: string | undefined;
  readonly externalId: string | undefined;
  /** Identity hash, known up front for rows with a global key. */
  readonly keyIdentity: Hash64 | undefined;
  /** `JSON.stringify(spec)` and its UTF-8 length, for a row without a file (whose JSON is final). */
  readonly json: string | undefined;
  readonly bytes: number;
}

/**
 * Validates one input row and turns it into the spec the Python SDK writes into chunk files
 * (spec §7.2): `{"id": {"type": "AUTO" | "GKEY", "value"}, "payload": {row_data, global_key,
 * external_id, metadata_fields, attachments, media_type, dataset_id}}`, snake_case, absent values
 * left out. Metadata by name is resolved through the organization's ontology (fetched once, and
 * refreshed once if a row names a field it does not know). A `File`/`Blob` row data is uploaded
 * and replaced by its URL.
 *
 * Two steps, so that rows are judged strictly in input order (which row "repeats" a global key
 * must not depend on network timing) while file uploads of consecutive rows overlap:
 * `prepare` (call in order; synchronous except the first time the ontology is needed) and
 * `complete` (uploads the file, if any).
 */
export class RowEncoder {
  private ontology: MetadataOntology | undefined;
  private refreshed = false;

  constructor(private readonly options: EncoderOptions) {}

  prepare(raw: unknown, index: number): LocalRow | PreparedRow | Promise<LocalRow | PreparedRow> {
    if (raw instanceof UnreadableRow) {
      return local(index, hash64(`unreadable\u0000${raw.location}\u0000${raw.message}`), `${raw.location}: ${raw.message}`, [
        { path: raw.location, message: raw.message },
      ]);
    }
    const issues: ValidationIssue[] = [];
    if (!checkDataRowInput(raw, "", issues)) return invalid(raw, index, issues);
    const row = raw as DataRowInput;
    if (row.metadataFields?.length && (!this.ontology || (!this.refreshed && this.unknownFields(row.metadataFields)))) {
      return this.loadOntology(row.metadataFields).then(() => this.build(row, index));
    }
    return this.build(row, index);
  }

  /**
   * The row ready for a chunk file. With `upload: false` (rows this run will not send) the file
   * is not uploaded and `json` is empty; identity and fingerprint are the same either way.
   */
  complete(row: LocalRow | PreparedRow, upload: boolean): EncodedRow | Promise<EncodedRow> {
    if (row.kind === "local") return row;
    const { index, spec, file, globalKey, externalId, keyIdentity } = row;
    if (file) {
      // The fingerprint names the file, not its upload URL, which differs on every run.
      const placeholder = `file:${(file as Partial<File>).name ?? ""}:${file.size}:${file.type}`;
      spec.payload["row_data"] = placeholder;
      const rowHash = this.options.fingerprint ? hash64(JSON.stringify(spec)) : NO_HASH;
      const identity = keyIdentity ?? identityHash({ externalId, rowData: ROW_DATA_NOT_ECHOED });
      if (!upload) return sendRow(index, "", 0, globalKey, identity, rowHash);
      return this.upload(file).then((url) => {
        spec.payload["row_data"] = url;
        return this.sizeChecked(index, JSON.stringify(spec), globalKey, identity, rowHash);
      });
    }
    // Built, size-checked and judged in `build` for every row, sent or not, so a resumed run
    // decides exactly as the first one did.
    const json = row.json!;
    const rowHash = this.options.fingerprint ? hash64(json) : NO_HASH;
    const rowData = spec.payload["row_data"];
    const identity = keyIdentity ?? identityHash({ externalId, rowData: typeof rowData === "string" ? rowData : ROW_DATA_NOT_ECHOED });
    return sendRow(index, upload ? json : "", row.bytes, globalKey, identity, rowHash);
  }

  /** The row as sent once its file is uploaded (its URL is in the JSON now), or ROW_TOO_LARGE. */
  private sizeChecked(index: number, json: string, globalKey: string | undefined, identity: Hash64, rowHash: Hash64): EncodedRow {
    const bytes = utf8Length(json);
    return this.fits(bytes) ? sendRow(index, json, bytes, globalKey, identity, rowHash) : tooLarge(index, bytes, this.options.maxRowBytes, rowHash, globalKey);
  }

  /** Whether a row of `bytes` JSON bytes fits in a chunk file (with its array's brackets). */
  private fits(bytes: number): boolean {
    return bytes + 2 <= this.options.maxRowBytes;
  }

  /** Whether the row names a field or an enum option the cached ontology does not know. */
  private unknownFields(fields: readonly MetadataFieldInput[]): boolean {
    return unknownSchemaRefs(fields, this.ontology!).length > 0;
  }

  private async loadOntology(fields: readonly MetadataFieldInput[]): Promise<void> {
    const { client, retry } = this.options;
    if (!this.ontology) {
      this.ontology = await withRetry(() => getMetadataOntology(client, { signal: retry.signal }), retry);
      if (!this.unknownFields(fields)) return;
    }
    // A field created after the ontology was cached: look once more, then report it as unknown.
    this.refreshed = true;
    this.ontology = await withRetry(() => getMetadataOntology(client, { signal: retry.signal, refresh: true }), retry);
  }

  private build(row: DataRowInput, index: number): LocalRow | PreparedRow {
    const issues: ValidationIssue[] = [];
    const metadata = row.metadataFields?.length ? serializeMetadata(coerceNumbers(row.metadataFields, this.ontology!), this.ontology!, "metadataFields", issues) : undefined;
    if (issues.length) return invalid(row, index, issues);

    const globalKey = row.globalKey ?? undefined;
    const { datasetId, onDuplicate } = this.options;
    const id = onDuplicate === "update" && globalKey !== undefined ? { type: "GKEY", value: globalKey } : { type: "AUTO", value: "" };
    // Key order as the Python SDK writes it; absent values are left out, not sent as null.
    const payload: Record<string, unknown> = { row_data: row.rowData };
    if (globalKey !== undefined) payload["global_key"] = globalKey;
    if (row.externalId != null) payload["external_id"] = row.externalId;
    if (metadata) payload["metadata_fields"] = metadata;
    if (row.attachments?.length) payload["attachments"] = row.attachments.map((a) => (a.name != null ? { type: a.type, value: a.value, name: a.name } : { type: a.type, value: a.value }));
    if (row.mediaType != null) payload["media_type"] = row.mediaType;
    payload["dataset_id"] = datasetId;
    const spec = { id, payload };
    const file = typeof Blob !== "undefined" && row.rowData instanceof Blob ? row.rowData : undefined;

    // A row that cannot be sent fails before its global key is claimed, so a later row with the
    // same key is not refused as a repeat of it. (A row with a file is measured once its URL is
    // known, after the upload.)
    let json: string | undefined;
    let bytes = 0;
    if (!file) {
      try {
        json = JSON.stringify(spec);
      } catch (error) {
        // Only an object row data can hold a cycle or a BigInt: every other field was checked.
        return invalid(row, index, [{ path: "rowData", message: `cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}` }]);
      }
      bytes = utf8Length(json);
      if (!this.fits(bytes)) return tooLarge(index, bytes, this.options.maxRowBytes, this.options.fingerprint ? hash64(json) : NO_HASH, globalKey);
    }

    // A global key identifies its row in the task's results, and finds repeats in the input.
    const keyIdentity = globalKey === undefined ? undefined : identityHash({ globalKey });
    if (keyIdentity !== undefined) {
      const earlier = this.options.keys.claim(keyIdentity, index);
      if (earlier !== undefined) {
        const message = `global key ${JSON.stringify(globalKey)} already appears at input row ${earlier} (keys are case-insensitive)`;
        return {
          kind: "local",
          index,
          rowHash: hash64(`dup\u0000${globalKey}\u0000${safeJson(row)}`),
          outcome: { index, status: "failed", code: "DUPLICATE_GLOBAL_KEY", message, globalKey, issues: [{ path: "globalKey", message }] },
        };
      }
    }
    return { kind: "prepared", index, spec, file, globalKey, externalId: row.externalId ?? undefined, keyIdentity, json, bytes };
  }

  private upload(file: Blob): Promise<string> {
    const { client, retry } = this.options;
    const name = (file as Partial<File>).name;
    return withRetry(() => uploadFile(client, file, { signal: retry.signal, ...(name ? { filename: name } : {}) }), retry);
  }
}

function sendRow(index: number, json: string, bytes: number, globalKey: string | undefined, identity: Hash64, rowHash: Hash64): SendRow {
  return { kind: "send", index, json, bytes, globalKey, identity, rowHash };
}

function tooLarge(index: number, bytes: number, maxRowBytes: number, rowHash: Hash64, globalKey: string | undefined): LocalRow {
  const message = `the row is ${bytes} bytes as JSON, more than a chunk file may hold (${maxRowBytes - 2})`;
  const outcome = { index, status: "failed" as const, code: "ROW_TOO_LARGE", message, issues: [{ path: "", message }], ...(globalKey !== undefined ? { globalKey } : {}) };
  return { kind: "local", index, rowHash, outcome };
}

function invalid(raw: unknown, index: number, issues: readonly ValidationIssue[]): LocalRow {
  const message = issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("; ");
  const key = (raw as { globalKey?: unknown } | null)?.globalKey;
  return local(index, hash64(`invalid\u0000${safeJson(raw)}`), message, issues, typeof key === "string" ? key : undefined);
}

function local(index: number, rowHash: Hash64, message: string, issues: readonly ValidationIssue[], globalKey?: string): LocalRow {
  const outcome = { index, status: "failed" as const, code: "INVALID_ROW", message, issues, ...(globalKey !== undefined ? { globalKey } : {}) };
  return { kind: "local", index, rowHash, outcome };
}

// Fingerprints must never throw: an invalid row may hold a cycle, a BigInt or a Blob.
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : typeof Blob !== "undefined" && v instanceof Blob ? `blob:${v.size}` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Text cells (CSV) cannot carry numbers: a Number field whose value is a string holding one
 * finite number gets that number. Everything else is left for `serializeMetadata` to judge.
 */
function coerceNumbers(fields: readonly MetadataFieldInput[], ontology: MetadataOntology): readonly MetadataFieldInput[] {
  let out: MetadataFieldInput[] | undefined;
  fields.forEach((field, i) => {
    if (typeof field.value !== "string" || !NUMBER_TEXT.test(field.value)) return;
    const schema = findMetadataSchema(ontology, field.schemaId ?? field.name ?? "");
    if (schema?.kind !== "CustomMetadataNumber") return;
    out ??= [...fields];
    out[i] = { ...field, value: Number(field.value) } as MetadataFieldInput;
  });
  return out ?? fields;
}
