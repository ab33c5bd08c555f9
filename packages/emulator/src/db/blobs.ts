// Index of stored files (uploads, task results, exports). The bytes live on disk (files.ts).
import type { Sqlite } from "./open.js";
import { statement } from "./statements.js";
import type { BlobRecord } from "./records.js";

const COLUMNS = "id, org_seq AS orgSeq, path, size, mime_type AS mimeType, filename, created_at AS createdAt";

export class BlobStore {
  constructor(private readonly db: Sqlite) {}

  insert(blob: BlobRecord): void {
    statement(this.db, "INSERT INTO blobs (id, org_seq, path, size, mime_type, filename, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(blob.id, blob.orgSeq, blob.path, blob.size, blob.mimeType, blob.filename, blob.createdAt);
  }

  get(id: string): BlobRecord | undefined {
    return statement(this.db, `SELECT ${COLUMNS} FROM blobs WHERE id = ?`).get(id) as BlobRecord | undefined;
  }

  delete(id: string): void {
    this.db.prepare("DELETE FROM blobs WHERE id = ?").run(id);
  }
}
