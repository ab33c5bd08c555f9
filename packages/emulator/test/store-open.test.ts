// How stores are opened: a --data directory written by an older emulator is upgraded in place
// (one of an unknown version is refused); new stores get 16 KiB pages; the emulator's --memory
// store is a private scratch file.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../src/db/open.js";
import { schemaVersion } from "../src/db/schema-sql.js";
import { Store } from "../src/db/store.js";

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
  it("upgrades a version 1 store (4 KiB pages, WAL, no export text) and keeps its rows", () => {
    const dir = tempDir();
    // A store as version 1 made it: its DDL verbatim, SQLite's default page size, WAL.
    const v1 = new Database(path.join(dir, "emulator.db"));
    v1.pragma("journal_mode = WAL");
    v1.exec(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "schema-v1.sql"), "utf8"));
    v1.pragma("user_version = 1");
    v1.prepare("INSERT INTO data_rows (org_seq, dataset_seq, row_data, metadata, created_at, updated_at) VALUES (1, 1, 'https://e.com/a.jpg', '[]', 't', 't')").run();
    v1.close();
    const db = openSqlite(dir);
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(schemaVersion);
      expect(db.pragma("page_size", { simple: true })).toBe(4096);
      expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(16_384); // 64 MiB of 4 KiB pages
      const columns = (db.prepare("PRAGMA table_info(data_rows)").all() as Array<{ name: string }>).map((c) => c.name);
      expect(columns).toEqual(expect.arrayContaining(["metadata_export", "metadata_export_key"]));
      expect(db.prepare("SELECT row_data, metadata_export FROM data_rows").all()).toEqual([{ row_data: "https://e.com/a.jpg", metadata_export: null }]);
      expect(db.prepare("SELECT count(*) AS n FROM metadata_export_keys").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    // Opening it again (upgraded) changes nothing.
    const again = openSqlite(dir);
    try {
      expect(again.pragma("user_version", { simple: true })).toBe(schemaVersion);
      expect(again.prepare("SELECT row_data FROM data_rows").pluck().all()).toEqual(["https://e.com/a.jpg"]);
    } finally {
      again.close();
    }
  });
  it("gives a new store 16 KiB pages and checkpoints its WAL every 64 MiB", () => {
    const db = openSqlite(tempDir());
    try {
      expect(db.pragma("page_size", { simple: true })).toBe(16_384);
      expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(4096);
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

describe("scratch stores (the emulator's --memory)", () => {
  it("are one private connection: rollback journal in memory, no syncs, not offered to threads, rollback works", () => {
    const dir = tempDir();
    const store = new Store(dir, "scratch");
    try {
      expect(store.file).toBeNull();
      expect(store.db.pragma("journal_mode", { simple: true })).toBe("memory");
      expect(store.db.pragma("synchronous", { simple: true })).toBe(0);
      expect(store.db.pragma("page_size", { simple: true })).toBe(16_384);
      const insert = store.db.prepare("INSERT INTO data_rows (org_seq, dataset_seq, row_data, created_at, updated_at) VALUES (1, 1, ?, 't', 't')");
      expect(() =>
        store.transaction(() => {
          insert.run("kept?");
          throw new Error("rolled back");
        }),
      ).toThrow("rolled back");
      store.transaction(() => insert.run("kept"));
      expect(store.db.prepare("SELECT row_data FROM data_rows").pluck().all()).toEqual(["kept"]);
    } finally {
      store.close();
    }
  });
});

describe("Store.transactionWhenFree", () => {
  it("waits for another connection's write lock without blocking the event loop, then writes", async () => {
    const dir = tempDir();
    const store = new Store(dir);
    const other = new Database(path.join(dir, "emulator.db"));
    try {
      other.prepare("BEGIN IMMEDIATE").run(); // what a task thread holds while it writes a batch
      const insert = store.db.prepare("INSERT INTO data_rows (org_seq, dataset_seq, row_data, created_at, updated_at) VALUES (1, 1, 'waited', 't', 't')");
      let settled = false;
      const write = store.transactionWhenFree(() => insert.run()).then(() => (settled = true));
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 5);
      await new Promise((resolve) => setTimeout(resolve, 100));
      clearInterval(timer);
      expect(settled).toBe(false);
      expect(ticks).toBeGreaterThan(5); // the event loop kept running while the write waited
      other.prepare("COMMIT").run();
      await write;
      expect(store.db.prepare("SELECT row_data FROM data_rows").pluck().all()).toEqual(["waited"]);
      expect(store.db.pragma("busy_timeout", { simple: true })).toBe(30_000);
    } finally {
      other.close();
      store.close();
    }
  });
});
