// Data rows. Hard-deleted (deleting frees the global key); listing order is creation order (seq).
import type Database from "better-sqlite3";
import type { Sqlite } from "./open.js";
import type { DataRowRecord } from "./records.js";
import type { SqlFilter } from "./data-row-filters.js";
import type { MetadataExport } from "../metadata/export-text.js";
import { ExportKeyStore } from "./export-keys.js";

/** Selects a DataRowRecord. */
export const DATA_ROW_COLUMNS =
  "seq, org_seq AS orgSeq, dataset_seq AS datasetSeq, row_data AS rowData, external_id AS externalId, global_key AS globalKey, media_type AS mediaType, media_attributes AS mediaAttributes, metadata, attachments, created_at AS createdAt, updated_at AS updatedAt";

/** Values of a new row. */
export interface NewDataRow {
  orgSeq: number;
  datasetSeq: number;
  rowData: string;
  externalId: string | null;
  globalKey: string | null;
  gkNorm: string | null;
  mediaType: string | null;
  mediaAttributes: string | null;
  metadata: string | null;
  /** The metadata's export text (metadata/export-text.ts), or null to build it at export time. */
  metadataExport: MetadataExport | null;
  attachments: string | null;
  now: string;
}

/** Fields an update may change; `undefined` leaves a field as it is. */
export interface DataRowChanges {
  rowData?: string;
  externalId?: string | null;
  globalKey?: { key: string | null; norm: string | null };
  mediaType?: string | null;
  mediaAttributes?: string | null;
  metadata?: string | null;
  /** With `metadata`: its export text; left out or null, exports build it from the entries. */
  metadataExport?: MetadataExport | null;
  attachments?: string | null;
}

/** True for SQLite's unique-constraint error, i.e. a global key already taken in the organization. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

export class DataRowStore {
  private readonly insertStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly byKeyStmt: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();
  /** The keys of rows' export metadata texts (see metadata/export-text.ts). */
  readonly exportKeys: ExportKeyStore;

  constructor(private readonly db: Sqlite) {
    this.insertStmt = db.prepare(
      "INSERT INTO data_rows (org_seq, dataset_seq, row_data, external_id, global_key, gk_norm, media_type, media_attributes, metadata, metadata_export, metadata_export_key, attachments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.getStmt = db.prepare(`SELECT ${DATA_ROW_COLUMNS} FROM data_rows WHERE seq = ?`);
    this.byKeyStmt = db.prepare("SELECT seq FROM data_rows WHERE org_seq = ? AND gk_norm = ?");
    this.exportKeys = new ExportKeyStore(db);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Inserts a row and returns its seq; throws a unique violation if its global key is taken. */
  insert(r: NewDataRow): number {
    const info = this.insertStmt.run(r.orgSeq, r.datasetSeq, r.rowData, r.externalId, r.globalKey, r.gkNorm, r.mediaType, r.mediaAttributes, r.metadata, r.metadataExport?.text ?? null, r.metadataExport?.key.key ?? null, r.attachments, r.now, r.now);
    if (r.metadataExport) this.exportKeys.record(r.metadataExport.key);
    return Number(info.lastInsertRowid);
  }

  get(seq: number): DataRowRecord | undefined {
    return this.getStmt.get(seq) as DataRowRecord | undefined;
  }

  /** The seq of the organization's row holding a global key (compared case-insensitively). */
  seqByGlobalKey(orgSeq: number, gkNorm: string): number | undefined {
    return (this.byKeyStmt.get(orgSeq, gkNorm) as { seq: number } | undefined)?.seq;
  }

  /** Applies changes; throws a unique violation if a new global key is taken. */
  update(seq: number, changes: DataRowChanges, now: string): void {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (changes.rowData !== undefined) (sets.push("row_data = ?"), params.push(changes.rowData));
    if (changes.externalId !== undefined) (sets.push("external_id = ?"), params.push(changes.externalId));
    if (changes.globalKey !== undefined) {
      sets.push("global_key = ?", "gk_norm = ?");
      params.push(changes.globalKey.key, changes.globalKey.norm);
    }
    if (changes.mediaType !== undefined) (sets.push("media_type = ?"), params.push(changes.mediaType));
    if (changes.mediaAttributes !== undefined) (sets.push("media_attributes = ?"), params.push(changes.mediaAttributes));
    if (changes.metadata !== undefined) {
      // A stale export text must never outlive the metadata it was rendered from.
      sets.push("metadata = ?", "metadata_export = ?", "metadata_export_key = ?");
      params.push(changes.metadata, changes.metadataExport?.text ?? null, changes.metadataExport?.key.key ?? null);
      if (changes.metadataExport) this.exportKeys.record(changes.metadataExport.key);
    }
    if (changes.attachments !== undefined) (sets.push("attachments = ?"), params.push(changes.attachments));
    sets.push("updated_at = ?");
    params.push(now, seq);
    this.stmt(`UPDATE data_rows SET ${sets.join(", ")} WHERE seq = ?`).run(...params);
  }

  /** Deletes one row (its attachments live on it); returns whether it existed. */
  delete(seq: number): boolean {
    return this.stmt("DELETE FROM data_rows WHERE seq = ?").run(seq).changes > 0;
  }

  /** Offset page of a dataset (the classic `dataset.dataRows(skip, first)` relationship). */
  offsetPage(datasetSeq: number, filter: SqlFilter, order: string, skip: number, first: number): DataRowRecord[] {
    const sql = `SELECT ${DATA_ROW_COLUMNS} FROM data_rows WHERE dataset_seq = ? AND (${filter.sql}) ORDER BY ${order} LIMIT ? OFFSET ?`;
    return this.stmt(sql).all(datasetSeq, ...filter.params, first, skip) as DataRowRecord[];
  }

  /** Newest-first page of a dataset starting at seq `fromSeq` (inclusive), `limit` rows. */
  newestFirst(datasetSeq: number, fromSeq: number | null, filter: SqlFilter, limit: number): DataRowRecord[] {
    const sql = `SELECT ${DATA_ROW_COLUMNS} FROM data_rows WHERE dataset_seq = ? AND seq <= ? AND (${filter.sql}) ORDER BY seq DESC LIMIT ?`;
    return this.stmt(sql).all(datasetSeq, fromSeq ?? Number.MAX_SAFE_INTEGER, ...filter.params, limit) as DataRowRecord[];
  }

  /** Rows of the given datasets whose external id is one of `externalIds`. */
  byExternalIds(datasetSeqs: number[], externalIds: string[], limit: number): DataRowRecord[] {
    if (datasetSeqs.length === 0 || externalIds.length === 0) return [];
    const sql = `SELECT ${DATA_ROW_COLUMNS} FROM data_rows WHERE external_id IN (${externalIds.map(() => "?").join(",")}) AND dataset_seq IN (${datasetSeqs
      .map(() => "?")
      .join(",")}) ORDER BY seq LIMIT ?`;
    return this.db.prepare(sql).all(...externalIds, ...datasetSeqs, limit) as DataRowRecord[];
  }

  /** Rows of a dataset in creation order, `batch` at a time, after seq `afterSeq`. */
  datasetBatch(datasetSeq: number, afterSeq: number, batch: number): DataRowRecord[] {
    return this.stmt(`SELECT ${DATA_ROW_COLUMNS} FROM data_rows WHERE dataset_seq = ? AND seq > ? ORDER BY seq LIMIT ?`).all(
      datasetSeq,
      afterSeq,
      batch,
    ) as DataRowRecord[];
  }

  /** Number of rows in a dataset (the kept counter is the fast path; this recounts). */
  countInDataset(datasetSeq: number): number {
    return (this.stmt("SELECT COUNT(*) AS n FROM data_rows WHERE dataset_seq = ?").get(datasetSeq) as { n: number }).n;
  }
}
