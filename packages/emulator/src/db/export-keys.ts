// The keys of stored export metadata texts (table metadata_export_keys; see
// metadata/export-text.ts): each key's schema texts, recorded once, so an export can tell which
// stored texts are still exactly what it would build.
import type Database from "better-sqlite3";
import type { Sqlite } from "./open.js";
import { stillRendersSame, type MetadataExportKey, type MetadataPartRow } from "../metadata/export-text.js";

/** A key whose stored texts an export may copy, with the part rows they were rendered with (their markers' texts). */
export interface ValidKey {
  key: number;
  parts: MetadataPartRow[];
}

export class ExportKeyStore {
  private readonly insertStmt: Database.Statement;
  private readonly allStmt: Database.Statement;
  /** Keys this connection has recorded; forgotten when a transaction rolls back (see `Store.transaction`). */
  private readonly recorded = new Set<number>();

  constructor(db: Sqlite) {
    this.insertStmt = db.prepare("INSERT OR IGNORE INTO metadata_export_keys (key, parts) VALUES (?, ?)");
    this.allStmt = db.prepare("SELECT key, parts FROM metadata_export_keys").raw();
  }

  /** Records a key a row's text is stored with (once per key and connection). Call inside the row's transaction. */
  record(key: MetadataExportKey): void {
    if (this.recorded.has(key.key)) return;
    this.insertStmt.run(key.key, key.partsJson);
    this.recorded.add(key.key);
  }

  /**
   * Forgets which keys this connection recorded, after a transaction rolled back (its records
   * with it): the next row with a key records it again (an unrecorded key would only make its
   * rows walk, never show stale text, but for as long as the connection lives).
   */
  forgetRecorded(): void {
    this.recorded.clear();
  }

  /** The recorded keys whose texts an export with the `current` schema texts would build the same, with their part rows. */
  validKeys(current: readonly MetadataPartRow[]): ValidKey[] {
    const now = new Map(current.map((row) => [row[0], row]));
    const valid: ValidKey[] = [];
    for (const [key, parts] of this.allStmt.all() as Array<[number, string]>) if (stillRendersSame(parts, now)) valid.push({ key, parts: JSON.parse(parts) as MetadataPartRow[] });
    return valid;
  }
}
