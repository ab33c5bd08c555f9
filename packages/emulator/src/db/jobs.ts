// Global-key jobs: assign, look up and clear run as asynchronous jobs the client polls.
import type { Sqlite } from "./open.js";
import { newId } from "../ids.js";

/** What a job does. */
export type JobKind = "lookup" | "assign" | "clear";

/** A job: PENDING until the runner has done it, then COMPLETE (with a result) or FAILED. */
export interface JobRecord {
  id: string;
  orgSeq: number;
  userId: string;
  kind: JobKind;
  status: "PENDING" | "COMPLETE" | "FAILED";
  input: string;
  result: string | null;
  createdAt: string;
}

const COLUMNS = "id, org_seq AS orgSeq, user_id AS userId, kind, status, input, result, created_at AS createdAt";

export class JobStore {
  constructor(private readonly db: Sqlite) {}

  create(orgSeq: number, userId: string, kind: JobKind, input: unknown, now: string): JobRecord {
    const id = newId();
    this.db.prepare("INSERT INTO jobs (id, org_seq, user_id, kind, status, input, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?)").run(id, orgSeq, userId, kind, JSON.stringify(input), now);
    return this.get(id)!;
  }

  get(id: string): JobRecord | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id) as JobRecord | undefined;
  }

  pending(): JobRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE status = 'PENDING' ORDER BY rowid`).all() as JobRecord[];
  }

  finish(id: string, status: "COMPLETE" | "FAILED", result: unknown): void {
    this.db.prepare("UPDATE jobs SET status = ?, result = ? WHERE id = ?").run(status, JSON.stringify(result), id);
  }
}
