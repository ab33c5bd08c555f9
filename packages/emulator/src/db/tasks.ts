// Background tasks. Only their creator can see them (the SDK reads them through
// `user { createdTasks }`), so lookups go through the user id.
import type { Sqlite } from "./open.js";
import { statement } from "./statements.js";
import type { TaskKind, TaskRecord, TaskStatus } from "./records.js";
import { newId } from "../ids.js";

const COLUMNS =
  "seq, id, org_seq AS orgSeq, user_id AS userId, kind, name, type, status, completion AS completionPercentage, created_at AS createdAt, updated_at AS updatedAt, input, progress, result_blob AS resultBlob, errors_blob AS errorsBlob, error, metadata";

/** Values of a new task. */
export interface NewTask {
  orgSeq: number;
  userId: string;
  kind: TaskKind;
  name: string;
  type: string | null;
  input: unknown;
}

export class TaskStore {
  constructor(private readonly db: Sqlite) {}

  /** Creates an IN_PROGRESS task. */
  create(t: NewTask, now: string): TaskRecord {
    const id = newId();
    const info = this.db
      .prepare("INSERT INTO tasks (id, org_seq, user_id, kind, name, type, status, completion, created_at, updated_at, input) VALUES (?, ?, ?, ?, ?, ?, 'IN_PROGRESS', 0, ?, ?, ?)")
      .run(id, t.orgSeq, t.userId, t.kind, t.name, t.type, now, now, JSON.stringify(t.input));
    return this.bySeq(Number(info.lastInsertRowid))!;
  }

  bySeq(seq: number): TaskRecord | undefined {
    return statement(this.db, `SELECT ${COLUMNS} FROM tasks WHERE seq = ?`).get(seq) as TaskRecord | undefined;
  }

  byId(id: string): TaskRecord | undefined {
    return statement(this.db, `SELECT ${COLUMNS} FROM tasks WHERE id = ?`).get(id) as TaskRecord | undefined;
  }

  /** A user's tasks, newest first. */
  forUser(userId: string): TaskRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM tasks WHERE user_id = ? ORDER BY seq DESC`).all(userId) as TaskRecord[];
  }

  /** Tasks left IN_PROGRESS (e.g. by a crash), oldest first. */
  inProgress(): TaskRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM tasks WHERE status = 'IN_PROGRESS' ORDER BY seq`).all() as TaskRecord[];
  }

  /** Records progress (resume point and completion percentage). */
  setProgress(seq: number, progress: unknown, completion: number, now: string): void {
    statement(this.db, "UPDATE tasks SET progress = ?, completion = ?, updated_at = ? WHERE seq = ?").run(JSON.stringify(progress), completion, now, seq);
  }

  /** Ends a task. */
  finish(
    seq: number,
    status: Exclude<TaskStatus, "IN_PROGRESS">,
    fields: { resultBlob?: string | null; errorsBlob?: string | null; error?: string | null; metadata?: unknown },
    now: string,
  ): void {
    this.db
      .prepare("UPDATE tasks SET status = ?, completion = 100, result_blob = ?, errors_blob = ?, error = ?, metadata = ?, updated_at = ? WHERE seq = ?")
      .run(
        status,
        fields.resultBlob ?? null,
        fields.errorsBlob ?? null,
        fields.error ?? null,
        fields.metadata === undefined ? null : JSON.stringify(fields.metadata),
        now,
        seq,
      );
  }

  /** The newest v1 export task of a dataset and flag, for the v1 "same mutation re-sent" polling. */
  latestExportV1(userId: string, key: string): TaskRecord | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM tasks WHERE user_id = ? AND kind = 'export-v1' AND json_extract(input, '$.key') = ? ORDER BY seq DESC LIMIT 1`)
      .get(userId, key) as TaskRecord | undefined;
  }
}
