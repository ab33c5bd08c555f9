// Opens (or creates) the SQLite store. A data directory gets a WAL-mode file that survives
// restarts; the emulator's `--memory` store is a scratch file deleted with its temporary folder;
// unit tests use an in-memory database.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { migrations, schemaSql, schemaVersion } from "./schema-sql.js";

/** A better-sqlite3 connection. */
export type Sqlite = Database.Database;

const PAGE_BYTES = 16_384;
const CHECKPOINT_BYTES = 64 * 1024 * 1024;

/**
 * How a store in a folder is opened:
 * - `own`: the data directory's store (WAL, durable against crashes), upgraded if older;
 * - `attach`: a second connection to a store another connection of this process already opened
 *   (an upsert task thread): the schema is left alone, since changing it would need the write lock;
 * - `scratch`: a store that lives as long as the process (the emulator's `--memory`), one
 *   connection, rollback journal in memory and no syncs, since nothing of it must survive a
 *   crash. A file rather than SQLite's `:memory:`: inserting 600,000 bench rows measured
 *   7.0-7.1 CPU µs per row against 9.6-11.9 in memory with 16 KiB pages, 12.2-14.0 with 4 KiB.
 */
export type OpenMode = "own" | "attach" | "scratch";

/** Opens the store at `dir/emulator.db`, or in memory when `dir` is null, and applies the schema. */
export function openSqlite(dir: string | null, mode: OpenMode = "own"): Sqlite {
  let db: Sqlite;
  if (dir && mode === "scratch") {
    fs.mkdirSync(dir, { recursive: true });
    db = new Database(path.join(dir, "emulator.db"));
    db.pragma(`page_size = ${PAGE_BYTES}`);
    db.pragma("journal_mode = MEMORY");
    db.pragma("synchronous = OFF");
  } else if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    db = new Database(path.join(dir, "emulator.db"));
    // A new store gets 16 KiB pages (an existing one keeps its own): rows with their metadata,
    // attachments and export text are ~1 KB, and bulk inserts of them into a WAL file measured
    // 18-22% less CPU than with 4 KiB pages. Only takes effect before the first table exists.
    db.pragma(`page_size = ${PAGE_BYTES}`);
    db.pragma("journal_mode = WAL");
    // WAL + NORMAL is durable against process crashes (kill -9), which is what a local emulator
    // must survive; only an OS crash can lose the last transactions.
    db.pragma("synchronous = NORMAL");
    // Checkpoint the WAL every 64 MiB instead of every 1,000 pages (SQLite's default): bulk imports
    // write tens of MiB per minute, and each checkpoint rewrites pages into the main file
    // (measured with 4 KiB pages: -25% insert time).
    db.pragma(`wal_autocheckpoint = ${Math.round(CHECKPOINT_BYTES / (db.pragma("page_size", { simple: true }) as number))}`);
    // Upsert task threads write through connections of their own (tasks/task-threads.ts): a
    // connection that finds the write lock taken waits for it instead of failing at once.
    db.pragma("busy_timeout = 30000");
  } else {
    db = new Database(":memory:");
    db.pragma(`page_size = ${PAGE_BYTES}`); // inserts measured cheaper than with 4 KiB pages here too (9.6-11.9 vs 12.2-14.0 µs per row)
  }
  // Page cache: 64 MiB, but 16 MiB for the `--memory` scratch store. Its pages are fresh memory
  // while the cache fills, and in this VM the page faults cost more than re-reading evicted pages
  // from the OS: a 100,000-row @lbx/bulk import (the cache still filling) measured emulator CPU
  // 2.61 s instead of 2.73 and 33,493 rows/s instead of 31,888 (5 alternating pairs, 2 cores);
  // its export re-reads more (148,574-156,886 rows/s instead of 155,787-176,838); a million rows
  // came out the same either way.
  db.pragma(`cache_size = ${mode === "scratch" ? -16_384 : -65_536}`);
  db.pragma("temp_store = MEMORY");
  if (mode === "attach") return db;
  let version = db.pragma("user_version", { simple: true }) as number;
  // An older store is upgraded in place, one version at a time, each step in a transaction that
  // holds the write lock and reads the version again inside it, so two processes opening the same
  // old store upgrade it once. The upgrade is one way: older emulators then refuse the store.
  while (version !== 0 && version < schemaVersion && migrations[version + 1] !== undefined) {
    version = db
      .transaction(() => {
        const current = db.pragma("user_version", { simple: true }) as number;
        if (current !== version) return current;
        db.exec(migrations[version + 1]!);
        db.pragma(`user_version = ${version + 1}`);
        return version + 1;
      })
      .immediate();
  }
  if (version !== 0 && version !== schemaVersion) {
    db.close();
    throw new Error(`The data directory holds a store of schema version ${version}; this emulator uses version ${schemaVersion}. Use a new --data directory.`);
  }
  db.exec(schemaSql);
  db.pragma(`user_version = ${schemaVersion}`);
  return db;
}
