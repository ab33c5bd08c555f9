// Datasets. Deleting one is a soft delete (the SDK sends `updateDataset(data: {deleted: true})`):
// it disappears from dataset queries; its rows stay addressable by id, as the recorded traffic
// shows (rows of a deleted dataset still resolve through `dataRow(where: {id})`).
import type { Sqlite } from "./open.js";
import { statement } from "./statements.js";
import type { DatasetRecord } from "./records.js";
import { newId } from "../ids.js";

const COLUMNS =
  "seq, id, org_seq AS orgSeq, name, description, signer_id AS signerId, row_count AS rowCount, deleted, created_at AS createdAt, updated_at AS updatedAt";

export class DatasetStore {
  constructor(private readonly db: Sqlite) {}

  create(orgSeq: number, name: string | null, description: string | null, now: string): DatasetRecord {
    const id = newId();
    const info = this.db
      .prepare("INSERT INTO datasets (id, org_seq, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(id, orgSeq, name, description, now, now);
    return this.bySeq(Number(info.lastInsertRowid))!;
  }

  /** A dataset by public id, deleted ones included (callers decide what a deleted one means). */
  byId(id: string): DatasetRecord | undefined {
    return statement(this.db, `SELECT ${COLUMNS} FROM datasets WHERE id = ?`).get(id) as DatasetRecord | undefined;
  }

  bySeq(seq: number): DatasetRecord | undefined {
    return statement(this.db, `SELECT ${COLUMNS} FROM datasets WHERE seq = ?`).get(seq) as DatasetRecord | undefined;
  }

  /** Every dataset of an organization, oldest first. */
  list(orgSeq: number): DatasetRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM datasets WHERE org_seq = ? ORDER BY seq`).all(orgSeq) as DatasetRecord[];
  }

  update(seq: number, fields: { name?: string | null; description?: string | null; deleted?: boolean; signerId?: string | null }, now: string): void {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (fields.name !== undefined) (sets.push("name = ?"), params.push(fields.name));
    if (fields.description !== undefined) (sets.push("description = ?"), params.push(fields.description));
    if (fields.deleted !== undefined) (sets.push("deleted = ?"), params.push(fields.deleted ? 1 : 0));
    if (fields.signerId !== undefined) (sets.push("signer_id = ?"), params.push(fields.signerId));
    sets.push("updated_at = ?");
    params.push(now, seq);
    this.db.prepare(`UPDATE datasets SET ${sets.join(", ")} WHERE seq = ?`).run(...params);
  }

  /** Adds `delta` to the row count kept with the dataset. */
  addRows(seq: number, delta: number): void {
    if (delta !== 0) statement(this.db, "UPDATE datasets SET row_count = row_count + ? WHERE seq = ?").run(delta, seq);
  }
}
