// The store's tables. Integer `seq` keys are internal; public ids are either stored text cuids
// (low-volume tables) or derived from `seq` (data rows, attachments; see ids.ts). Indexes are kept
// to what queries need, because each one costs ingest throughput.

/**
 * Bumped when the DDL changes; a store of an older version is upgraded by `migrations`, one of
 * any other version is refused.
 */
export const schemaVersion = 2;

/**
 * The schema texts (`parts`, JSON) each key of stored export metadata texts covers: an export
 * copies a row's text only if they are all still the same (metadata/export-text.ts). Version 2.
 */
const EXPORT_KEYS = `CREATE TABLE IF NOT EXISTS metadata_export_keys (
  key INTEGER PRIMARY KEY,
  parts TEXT NOT NULL
);`;

/** The statements that take a store from version `n - 1` (the index) to version `n`. */
export const migrations: Record<number, string> = {
  2: `ALTER TABLE data_rows ADD COLUMN metadata_export TEXT; ALTER TABLE data_rows ADD COLUMN metadata_export_key INTEGER; ${EXPORT_KEYS}`,
};

export const schemaSql = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orgs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  adv INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- key_hash is an HMAC of the API key under the store's secret: the key itself is never stored.
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL UNIQUE,
  org_seq INTEGER NOT NULL REFERENCES orgs(seq),
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  nickname TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS iam_integrations (
  id TEXT PRIMARY KEY,
  org_seq INTEGER NOT NULL REFERENCES orgs(seq),
  name TEXT NOT NULL,
  provider TEXT NOT NULL,
  valid INTEGER NOT NULL,
  is_org_default INTEGER NOT NULL,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_valid_at TEXT
);

CREATE TABLE IF NOT EXISTS datasets (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  org_seq INTEGER NOT NULL REFERENCES orgs(seq),
  name TEXT,
  description TEXT,
  signer_id TEXT,
  row_count INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS datasets_org ON datasets(org_seq);

-- AUTOINCREMENT: a deleted row's seq (and so its public id) is never handed out again.
CREATE TABLE IF NOT EXISTS data_rows (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_seq INTEGER NOT NULL,
  dataset_seq INTEGER NOT NULL,
  row_data TEXT,
  external_id TEXT,
  global_key TEXT,
  gk_norm TEXT,
  media_type TEXT,
  media_attributes TEXT,
  metadata TEXT,
  -- Attachments live on their row (JSON, see db/attachments.ts): one write per imported row
  -- instead of two, and exports read them with the row.
  attachments TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The row's v2 export metadata_fields text and the key of the schema texts it was rendered with
  -- (metadata/export-text.ts, metadata_export_keys); NULL when not rendered. Version 2.
  metadata_export TEXT,
  metadata_export_key INTEGER
);
-- Global keys are unique per organization, ignoring case.
CREATE UNIQUE INDEX IF NOT EXISTS data_rows_global_key ON data_rows(org_seq, gk_norm) WHERE gk_norm IS NOT NULL;
-- Listing a dataset in creation order (and its reverse); the rowid is implicit in the index.
CREATE INDEX IF NOT EXISTS data_rows_dataset ON data_rows(dataset_seq);
CREATE INDEX IF NOT EXISTS data_rows_external_id ON data_rows(external_id) WHERE external_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS metadata_schemas (
  id TEXT PRIMARY KEY,
  org_seq INTEGER NOT NULL,
  parent_id TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS metadata_schemas_org ON metadata_schemas(org_seq);
${EXPORT_KEYS}

CREATE TABLE IF NOT EXISTS blobs (
  id TEXT PRIMARY KEY,
  org_seq INTEGER NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime_type TEXT,
  filename TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS tasks (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  org_seq INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT,
  status TEXT NOT NULL,
  completion REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  input TEXT NOT NULL,
  progress TEXT,
  result_blob TEXT,
  errors_blob TEXT,
  error TEXT,
  metadata TEXT
);
CREATE INDEX IF NOT EXISTS tasks_user ON tasks(user_id);
CREATE INDEX IF NOT EXISTS tasks_status ON tasks(status);

-- Per-item outcomes of import tasks, keyed by the item's position in the task's input.
-- Successes are stored as runs: items item..item+count-1 became rows row_seq..row_seq+count-1
-- (a bulk import creates long runs, so this is one write per batch instead of one per row).
CREATE TABLE IF NOT EXISTS task_successes (
  task_seq INTEGER NOT NULL,
  item INTEGER NOT NULL,
  row_seq INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (task_seq, item)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_failures (
  task_seq INTEGER NOT NULL,
  item INTEGER NOT NULL,
  message TEXT NOT NULL,
  spec TEXT NOT NULL,
  PRIMARY KEY (task_seq, item)
) WITHOUT ROWID;

-- Global-key jobs (assign / look up / clear).
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  org_seq INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  input TEXT NOT NULL,
  result TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status);
`;
