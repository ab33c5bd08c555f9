// The store: one SQLite connection and a repository per table group.
import { openSqlite, type OpenMode, type Sqlite } from "./open.js";
import { metaValue, newSecret } from "./meta.js";
import { OrgStore } from "./orgs.js";
import { DatasetStore } from "./datasets.js";
import { DataRowStore } from "./data-rows.js";
import { AttachmentStore } from "./attachments.js";
import { MetadataSchemaStore } from "./metadata-schemas.js";
import { BlobStore } from "./blobs.js";
import { TaskStore } from "./tasks.js";
import { TaskResultStore } from "./task-results.js";
import { JobStore } from "./jobs.js";
import { SeqIds } from "../ids.js";

/** How long `transactionWhenFree` keeps retrying before it waits on the lock. */
const BLOCKING_AFTER_MS = 2_000;

export class Store {
  readonly db: Sqlite;
  readonly orgs: OrgStore;
  readonly datasets: DatasetStore;
  readonly rows: DataRowStore;
  readonly attachments: AttachmentStore;
  readonly schemas: MetadataSchemaStore;
  readonly blobs: BlobStore;
  readonly tasks: TaskStore;
  readonly results: TaskResultStore;
  readonly jobs: JobStore;
  /** Public ids of data rows and attachments. */
  readonly ids: SeqIds;
  /** Key for signed file URLs and API-key hashes; lives as long as the data directory. */
  readonly secret: string;
  /** The salt of `ids` (a worker thread with its own connection derives the same ids from it). */
  readonly idSalt: string;
  /** The database file other connections may open, or null (in memory, or a scratch store). */
  readonly file: string | null;

  /** Opens the store in `dir` or in memory (`null`); `mode`: see `openSqlite`. */
  constructor(dir: string | null, mode: OpenMode = "own") {
    this.db = openSqlite(dir, mode);
    this.secret = metaValue(this.db, "secret", newSecret);
    this.idSalt = metaValue(this.db, "id-salt", newSecret);
    this.ids = new SeqIds(this.idSalt);
    // Only a data directory's store can be shared with other connections (threads).
    this.file = dir && mode !== "scratch" ? this.db.name : null;
    this.orgs = new OrgStore(this.db);
    this.datasets = new DatasetStore(this.db);
    this.rows = new DataRowStore(this.db);
    this.attachments = new AttachmentStore(this.rows);
    this.schemas = new MetadataSchemaStore(this.db);
    this.blobs = new BlobStore(this.db);
    this.tasks = new TaskStore(this.db);
    this.results = new TaskResultStore(this.db);
    this.jobs = new JobStore(this.db);
  }

  /**
   * Runs `fn` in one transaction (all or nothing). IMMEDIATE, i.e. holding the write lock from
   * the start: with several connections (task threads), a transaction that read first and wrote
   * later could find its snapshot outdated and fail (SQLITE_BUSY_SNAPSHOT) instead of waiting.
   */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      this.rows.exportKeys.forgetRecorded(); // its key records were rolled back too
      throw error;
    }
  }

  /**
   * Runs `fn` in a transaction without blocking the event loop while another connection (an
   * upsert task thread) holds the write lock, which it does for a whole batch of rows: tries
   * without waiting, then again after short pauses, so the main thread keeps serving requests
   * meanwhile. After `BLOCKING_AFTER_MS` it waits on the lock like `transaction` (never starves).
   */
  async transactionWhenFree<T>(fn: () => T): Promise<T> {
    const started = Date.now();
    const wait = this.db.pragma("busy_timeout", { simple: true }) as number;
    for (let pause = 1; Date.now() - started < BLOCKING_AFTER_MS; pause = Math.min(pause * 2, 16)) {
      this.db.pragma("busy_timeout = 0");
      try {
        return this.transaction(fn);
      } catch (error) {
        if ((error as { code?: unknown }).code !== "SQLITE_BUSY") throw error;
      } finally {
        this.db.pragma(`busy_timeout = ${wait}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return this.transaction(fn);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
