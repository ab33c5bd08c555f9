// Rows as the store hands them to resolvers. Field names are camelCase (the SQL aliases its
// columns), JSON columns stay JSON text until a resolver needs them, and internal integer keys
// (`seq`) never leave the process: public ids are derived from them (see ids.ts).

/** An organization: the unit of isolation. */
export interface OrgRecord {
  seq: number;
  id: string;
  name: string;
  /** "ADV" orgs report import problems row by row instead of failing the whole classic import. */
  adv: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The owner of one API key. */
export interface UserRecord {
  id: string;
  orgSeq: number;
  email: string;
  name: string;
  nickname: string;
  createdAt: string;
  updatedAt: string;
}

/** A cloud-storage IAM integration ("signer") of an organization. */
export interface IamIntegrationRecord {
  id: string;
  orgSeq: number;
  name: string;
  provider: "AWS" | "GCP";
  valid: boolean;
  isOrgDefault: boolean;
  /** JSON text: `{roleArn}` for AWS, `{serviceAccountEmailId, readBucket}` for GCP. */
  settings: string;
  createdAt: string;
  updatedAt: string;
  lastValidAt: string | null;
}

export interface DatasetRecord {
  seq: number;
  id: string;
  orgSeq: number;
  name: string | null;
  description: string | null;
  signerId: string | null;
  rowCount: number;
  deleted: number;
  createdAt: string;
  updatedAt: string;
}

export interface DataRowRecord {
  seq: number;
  orgSeq: number;
  datasetSeq: number;
  rowData: string | null;
  externalId: string | null;
  globalKey: string | null;
  mediaType: string | null;
  /** JSON text of the media attributes object. */
  mediaAttributes: string | null;
  /** JSON text of the stored metadata entries (see metadata/stored.ts), or null for none. */
  metadata: string | null;
  /** JSON text of the row's attachments (see db/attachments.ts), or null for none. */
  attachments: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An attachment; `seq` (from which its public id derives) combines its row and its number on the row. */
export interface AttachmentRecord {
  seq: number;
  rowSeq: number;
  type: string;
  value: string;
  name: string | null;
}

export type TaskStatus = "IN_PROGRESS" | "COMPLETE" | "FAILED";

/** What a background task does; decides which worker runs it. */
export type TaskKind = "json-import" | "upsert" | "export-v2" | "export-v1";

export interface TaskRecord {
  seq: number;
  id: string;
  orgSeq: number;
  userId: string;
  kind: TaskKind;
  name: string;
  /** The wire `type` (e.g. `adv-upsert-data-rows`), null for "JSON Import". */
  type: string | null;
  status: TaskStatus;
  completionPercentage: number;
  createdAt: string;
  updatedAt: string;
  /** JSON text: what the task was asked to do. */
  input: string;
  /** JSON text: how far it got (resume point), or null before it started. */
  progress: string | null;
  /** Blob id of the result file (JSON Import result, v1/v2 export), or null. */
  resultBlob: string | null;
  /** Blob id of the errors file of an export, or null. */
  errorsBlob: string | null;
  /** Failure message of a FAILED task. */
  error: string | null;
  /** JSON text for the wire `metadata` field, or null. */
  metadata: string | null;
}

/** A metadata schema node of the ontology (top level or enum option). */
export interface MetadataSchemaRecord {
  id: string;
  name: string;
  kind: MetadataKind;
  reserved: boolean;
  /** Enum id for options, null otherwise. */
  parentId: string | null;
  options: MetadataSchemaRecord[];
}

export type MetadataKind =
  | "CustomMetadataString"
  | "CustomMetadataNumber"
  | "CustomMetadataDateTime"
  | "CustomMetadataEnum"
  | "CustomMetadataEnumOption"
  | "CustomMetadataEmbedding";

export interface BlobRecord {
  id: string;
  orgSeq: number;
  /** Path relative to the blob directory. */
  path: string;
  size: number;
  mimeType: string | null;
  filename: string | null;
  createdAt: string;
}
