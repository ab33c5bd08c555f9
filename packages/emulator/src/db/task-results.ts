// Per-item outcomes of import tasks. Written in the same transaction as the rows they describe,
// so after a crash the results say exactly which items are done (the resume point).
import type Database from "better-sqlite3";
import type { Sqlite } from "./open.js";

/** A failed item: its message and the item's spec as JSON text. */
export interface FailureRow {
  item: number;
  message: string;
  spec: string;
}

interface Run {
  item: number;
  rowSeq: number;
  count: number;
}

/** Collects one task's outcomes during a transaction; `flush()` writes them (call it inside). */
export class OutcomeLog {
  private run: Run | null = null;

  constructor(
    private readonly results: TaskResultStore,
    private readonly taskSeq: number,
  ) {}

  success(item: number, rowSeq: number): void {
    const r = this.run;
    if (r && item === r.item + r.count && rowSeq === r.rowSeq + r.count) r.count += 1;
    else {
      this.flush();
      this.run = { item, rowSeq, count: 1 };
    }
  }

  failure(item: number, message: string, spec: string): void {
    this.results.failure(this.taskSeq, item, message, spec);
  }

  flush(): void {
    if (this.run) this.results.successRun(this.taskSeq, this.run.item, this.run.rowSeq, this.run.count);
    this.run = null;
  }
}

export class TaskResultStore {
  private readonly successStmt: Database.Statement;
  private readonly failureStmt: Database.Statement;

  constructor(private readonly db: Sqlite) {
    this.successStmt = db.prepare("INSERT OR REPLACE INTO task_successes (task_seq, item, row_seq, count) VALUES (?, ?, ?, ?)");
    this.failureStmt = db.prepare("INSERT OR REPLACE INTO task_failures (task_seq, item, message, spec) VALUES (?, ?, ?, ?)");
  }

  /** An outcome collector for one task. */
  log(taskSeq: number): OutcomeLog {
    return new OutcomeLog(this, taskSeq);
  }

  /** Items `item..item+count-1` created or updated rows `rowSeq..rowSeq+count-1`. */
  successRun(taskSeq: number, item: number, rowSeq: number, count: number): void {
    this.successStmt.run(taskSeq, item, rowSeq, count);
  }

  failure(taskSeq: number, item: number, message: string, spec: string): void {
    this.failureStmt.run(taskSeq, item, message, spec);
  }

  /** Successes after item `after` (exclusive), in item order, at most `limit`. */
  successes(taskSeq: number, after: number, limit: number): Array<{ item: number; rowSeq: number }> {
    const out: Array<{ item: number; rowSeq: number }> = [];
    const take = (runs: Run[]): void => {
      for (const r of runs) {
        for (let k = Math.max(0, after + 1 - r.item); k < r.count && out.length < limit; k++) out.push({ item: r.item + k, rowSeq: r.rowSeq + k });
      }
    };
    const containing = this.db
      .prepare("SELECT item, row_seq AS rowSeq, count FROM task_successes WHERE task_seq = ? AND item <= ? ORDER BY item DESC LIMIT 1")
      .all(taskSeq, after) as Run[];
    take(containing);
    while (out.length < limit) {
      const from = out.length ? out[out.length - 1]!.item : after;
      const runs = this.db
        .prepare("SELECT item, row_seq AS rowSeq, count FROM task_successes WHERE task_seq = ? AND item > ? ORDER BY item LIMIT ?")
        .all(taskSeq, from, Math.min(limit - out.length, 5000)) as Run[];
      if (runs.length === 0) break;
      after = from;
      take(runs);
    }
    return out;
  }

  failures(taskSeq: number, after: number, limit: number): FailureRow[] {
    return this.db.prepare("SELECT item, message, spec FROM task_failures WHERE task_seq = ? AND item > ? ORDER BY item LIMIT ?").all(taskSeq, after, limit) as FailureRow[];
  }

  count(taskSeq: number): { successes: number; failures: number } {
    const s = this.db.prepare("SELECT COALESCE(SUM(count), 0) AS n FROM task_successes WHERE task_seq = ?").get(taskSeq) as { n: number };
    const f = this.db.prepare("SELECT COUNT(*) AS n FROM task_failures WHERE task_seq = ?").get(taskSeq) as { n: number };
    return { successes: s.n, failures: f.n };
  }

  /** Items that already have an outcome (used when resuming after a restart). */
  doneItems(taskSeq: number): number[] {
    const items: number[] = [];
    for (const r of this.db.prepare("SELECT item, count FROM task_successes WHERE task_seq = ?").all(taskSeq) as Run[]) {
      for (let k = 0; k < r.count; k++) items.push(r.item + k);
    }
    for (const f of this.db.prepare("SELECT item FROM task_failures WHERE task_seq = ?").all(taskSeq) as Array<{ item: number }>) items.push(f.item);
    return items;
  }

  /** Forgets a task's outcomes (a task restarted from scratch). */
  clear(taskSeq: number): void {
    this.db.prepare("DELETE FROM task_successes WHERE task_seq = ?").run(taskSeq);
    this.db.prepare("DELETE FROM task_failures WHERE task_seq = ?").run(taskSeq);
  }
}
