// A --data directory written by an older emulator is upgraded in place when opened; one of an
// unknown version is refused with a clear message rather than misread.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../src/db/open.js";
import { schemaVersion } from "../src/db/schema-sql.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-store-upgrade-"));
  dirs.push(dir);
  return dir;
}

describe("store versions", () => {
  it("upgrades a version 1 store (no export text columns) and keeps its rows", () => {
    const dir = tempDir();
    const v2 = openSqlite(dir);
    // Version 1 is version 2 without the two metadata export columns.
    v2.exec("ALTER TABLE data_rows DROP COLUMN metadata_export; ALTER TABLE data_rows DROP COLUMN metadata_export_key;");
    v2.prepare("INSERT INTO data_rows (org_seq, dataset_seq, row_data, metadata, created_at, updated_at) VALUES (1, 1, 'https://e.com/a.jpg', '[]', 't', 't')").run();
    v2.pragma("user_version = 1");
    v2.close();
    const db = openSqlite(dir);
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(schemaVersion);
      const columns = (db.prepare("PRAGMA table_info(data_rows)").all() as Array<{ name: string }>).map((c) => c.name);
      expect(columns).toEqual(expect.arrayContaining(["metadata_export", "metadata_export_key"]));
      expect(db.prepare("SELECT row_data, metadata_export FROM data_rows").all()).toEqual([{ row_data: "https://e.com/a.jpg", metadata_export: null }]);
    } finally {
      db.close();
    }
  });
  it("refuses a store of a version it does not know", () => {
    const dir = tempDir();
    const db = openSqlite(dir);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();
    expect(() => openSqlite(dir)).toThrow(`holds a store of schema version ${schemaVersion + 1}; this emulator uses version ${schemaVersion}`);
  });
});
