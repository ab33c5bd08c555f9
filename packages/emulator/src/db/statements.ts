// Prepared statements kept per connection: compiling a statement costs more than running most of
// them (tens of µs), and some run on every request (the caller's organization) or every batch of
// an import (progress, row counts). Only for statements used as they are: a statement switched to
// `raw()`, `pluck()` or `expand()` keeps that mode, so those are prepared where they are used.
import type Database from "better-sqlite3";
import type { Sqlite } from "./open.js";

const byConnection = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/** `db.prepare(sql)`, compiled once per connection. */
export function statement(db: Sqlite, sql: string): Database.Statement {
  let cache = byConnection.get(db);
  if (!cache) byConnection.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
