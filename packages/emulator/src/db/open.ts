// Opens (or creates) the SQLite store. A data directory gets a WAL-mode file that survives
// restarts; `memory` gets an in-memory database.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { migrations, schemaSql, schemaVersion } from "./schema-sql.js";

/** A better-sqlite3 connection. */
export type Sqlite = Database.Database;

const PAGE_BYTES = 16_384;
const CHECKPOINT_BYTES = 64 * 1024 * 1024;

/**
 * Opens the store at `dir/emulator.db`, or in memory when `dir` is null, and applies the schema.
 * `attach`: a second connection to a store another connection of this process already opened
 * (an upsert task thread): the schema is left alone, since changing it would need the write lock.
 */
export function openSqlite(dir: string | null, attach = false): Sqlite {
  let db: Sqlite;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    db = new Database(path.join(dir, "emulator.db"));
    // A new store gets 16 KiB pages (an existing one keeps its own): rows with their metadata,
    // attachments and export text are ~1 KB, and bulk inserts of them measured 10-20% less CPU
    // than with 4 KiB pages. Only takes effect before the first table exists.
    db.pragma(`page_size = ${PAGE_BYTES}`);
    db.pragma("journal_mode = WAL");
    // WAL + NORMAL is durable against process crashes (kill -9), which is what a local emulator
    // must survive; only an OS crash can lose the last transactions.
    db.pragma("synchronous = NORMAL");
    // Checkpoint the WAL every 64 MiB instead of every 4 MiB: bulk imports write tens of MiB per
    // minute, and each checkpoint rewrites pages into the main file (measured: -25% insert time).
    db.pragma(`wal_autocheckpoint = ${Math.round(CHECKPOINT_BYTES / (db.pragma("page_size", { simple: true }) as number))}`);
    // Upsert task threads write through connections of their own (tasks/task-threads.ts): a
    // connection that finds the write lock taken waits for it instead of failing at once.
    db.pragma("busy_timeout = 30000");
  } else {
    db = new Database(":memory:");
    db.pragma(`page_size = ${PAGE_BYTES}`);
  }
  db.pragma("cache_size = -65536"); // 64 MiB page cache
  db.pragma("temp_store = MEMORY");
  if (attach) return db;
  let version = db.pragma("user_version", { simple: true }) as number;
  // An older store is upgraded in place, one version at a time, each step in a transaction.
  while (version !== 0 && version < schemaVersion && migrations[version + 1] !== undefined) {
    const next = version + 1;
    db.transaction(() => {
      db.exec(migrations[next]!);
      db.pragma(`user_version = ${next}`);
    })();
    version = next;
  }
  if (version !== 0 && version !== schemaVersion) {
    db.close();
    throw new Error(`The data directory holds a store of schema version ${version}; this emulator uses version ${schemaVersion}. Use a new --data directory.`);
  }
  db.exec(schemaSql);
  db.pragma(`user_version = ${schemaVersion}`);
  return db;
}
