// Checks one row's fields against every server-side rule and turns them into what the store
// keeps. `checkRow` is pure; `finishRow` does the part that needs the file store: conversational
// row data is stored as a file, and rows pointing at an uploaded file take its sniffed MIME type.
import type { FileStore } from "../files.js";
import type { Limits } from "../rules/limits.js";
import type { Ontology } from "../metadata/ontology.js";
import type { AttachmentInput } from "../rules/attachments.js";
import { checkAttachments } from "../rules/attachments.js";
import { checkGlobalKey } from "../rules/global-keys.js";
import { checkRowData } from "../rules/row-data.js";
import { checkMetadata, serializeEntries } from "../metadata/stored.js";
import { metadataExportRenderer, type MetadataExport } from "../metadata/export-text.js";
import type { RowInput } from "./items.js";

/** A checked row; a field left `undefined` was not given (updates leave it as it is). */
export interface PreparedRow {
  rowData?: string;
  mediaAttributes?: string;
  mediaType?: string | null;
  externalId?: string | null;
  /** null clears the key. */
  globalKey?: { key: string; norm: string; sanitized: boolean } | null;
  /** Stored metadata JSON text (null = none). */
  metadata?: string | null;
  /** With `metadata`: its export text (metadata/export-text.ts). */
  metadataExport?: MetadataExport | null;
  attachments?: AttachmentInput[];
  /** Conversational row data, to be stored as a file by `finishRow` (which sets rowData). */
  conversational?: unknown;
}

/** What checking needs: the organization's ontology and the limits. */
export interface RowRules {
  ontology: Ontology;
  limits: Limits;
}

/** What finishing needs: where files go and how their URLs start. */
export interface FinishEnv {
  orgSeq: number;
  files: FileStore;
  baseUrl: string;
}

/** Everything `prepareRow` needs. */
export type PrepareEnv = RowRules & FinishEnv;

/** Checks and finishes a row in one go (callers that are not bulk imports). */
export function prepareRow(input: RowInput, env: PrepareEnv, requireRowData: boolean): { ok: true; row: PreparedRow } | { ok: false; reason: string } {
  const checked = checkRow(input, env, requireRowData);
  return checked.ok ? { ok: true, row: finishRow(checked.row, env) } : checked;
}

/** The file-store part of preparing a checked row (see the module comment). */
export function finishRow(row: PreparedRow, env: FinishEnv): PreparedRow {
  if (row.conversational !== undefined) {
    const blob = env.files.write(env.orgSeq, JSON.stringify(row.conversational), "application/json", "conversation.json");
    const { conversational: _stored, ...rest } = row;
    return { ...rest, rowData: env.files.signedUrl(env.baseUrl, blob.id) };
  }
  if (row.rowData !== undefined && row.mediaAttributes !== undefined) {
    const blobId = env.files.blobIdOf(row.rowData);
    const blob = blobId ? env.files.get(blobId) : undefined;
    if (blob?.mimeType) {
      const attributes = JSON.parse(row.mediaAttributes) as Record<string, unknown>;
      return { ...row, mediaAttributes: attributesText({ ...attributes, mimeType: blob.mimeType }) };
    }
  }
  return row;
}

/** Checks `input`; `requireRowData` for creates. Returns the row or the first problem found. */
export function checkRow(input: RowInput, env: RowRules, requireRowData: boolean): { ok: true; row: PreparedRow } | { ok: false; reason: string } {
  const row: PreparedRow = {};
  if (input.rowData !== undefined && input.rowData !== null) {
    const check = checkRowData(input.rowData, input.mediaType, env.limits.maxRowDataLength);
    if (!check.ok) return { ok: false, reason: check.reason };
    if (check.conversational !== undefined) row.conversational = check.conversational;
    row.rowData = check.rowData;
    row.mediaAttributes = attributesText(check.attributes);
    row.mediaType = typeof input.mediaType === "string" ? input.mediaType : null;
  } else if (requireRowData) {
    return { ok: false, reason: "row_data is required" };
  } else if (input.mediaType !== undefined && input.mediaType !== null) {
    return { ok: false, reason: "media_type can only be given together with row_data" };
  }
  if (input.externalId !== undefined) {
    if (input.externalId !== null && typeof input.externalId !== "string") return { ok: false, reason: "external_id must be a string" };
    row.externalId = input.externalId;
  }
  if (input.globalKey !== undefined) {
    if (input.globalKey === null) row.globalKey = null;
    else {
      const check = checkGlobalKey(input.globalKey, env.limits.maxGlobalKeyLength);
      if (!check.ok) return { ok: false, reason: `Invalid global key ${JSON.stringify(input.globalKey)}: ${check.reason}` };
      row.globalKey = { key: check.key, norm: check.normalized, sanitized: check.sanitized };
    }
  }
  if (input.metadataFields !== undefined) {
    const check = checkMetadata(input.metadataFields, env.ontology, env.limits);
    if (!check.ok) return { ok: false, reason: check.reason };
    row.metadata = serializeEntries(check.entries);
    // Rendered now, while the entries are at hand, so a bulk export copies it (export-text.ts).
    row.metadataExport = metadataExportRenderer(env.ontology).render(check.entries);
  }
  if (input.attachments !== undefined) {
    const check = checkAttachments(input.attachments, env.limits.maxAttachmentsPerRow);
    if (!check.ok) return { ok: false, reason: check.reason };
    row.attachments = check.attachments;
  }
  return { ok: true, row };
}

const simpleAttributes = new Map<string, string>();

/** JSON text of media attributes; the common `{mimeType}`-only case is cached (bulk ingest). */
function attributesText(attributes: Record<string, unknown>): string {
  const keys = Object.keys(attributes);
  if (keys.length === 1 && typeof attributes.mimeType === "string") {
    let text = simpleAttributes.get(attributes.mimeType);
    if (text === undefined) {
      text = JSON.stringify(attributes);
      simpleAttributes.set(attributes.mimeType, text);
    }
    return text;
  }
  return JSON.stringify(attributes);
}
