// Per-store secrets and settings, created once and kept for the life of the data directory so
// that signed URLs and derived ids stay valid across restarts.
import { randomBytes } from "node:crypto";
import type { Sqlite } from "./open.js";

/** The value stored under `key`, created with `create()` the first time it is asked for. */
export function metaValue(db: Sqlite, key: string, create: () => string): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = create();
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(key, value);
  return value;
}

/** A random 256-bit secret as hex. */
export function newSecret(): string {
  return randomBytes(32).toString("hex");
}
