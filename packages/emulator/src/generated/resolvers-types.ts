import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrgRecord, UserRecord, IamIntegrationRecord, DatasetRecord, DataRowRecord, AttachmentRecord, TaskRecord, MetadataSchemaRecord } from '../db/records.js';
import type { EmulatorContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * ISO-8601 timestamp. In responses the SDK parses it with the format
   * '%Y-%m-%dT%H:%M:%S.%fZ', so fractional seconds and a trailing Z are
   * required (e.g. 2023-03-10T20:53:01.123Z). In ORM-generated filters the SDK
   * sends '%Y-%m-%dT%H:%M:%SZ'.
   */
  DateTime: { input: string; output: string; }
  /**
   * Any JSON value: object, array, string, number, boolean or null. Used for
   * mediaAttributes, metadata values and Task.metadata.
   */
  Json: { input: unknown; output: unknown; }
  /**
   * Unsigned 64-bit integer. The SDK sends it as a decimal string, e.g. "0".
   * In responses it accepts a JSON number or a numeric string.
   */
  UInt64: { input: string | number; output: string | number; }
  /**
   * A file part of a GraphQL multipart request
   * (https://github.com/jaydenseric/graphql-multipart-request-spec). The
   * variable is sent as null in `operations`, and the `map` part binds it to
   * form part "1".
   */
  Upload: { input: unknown; output: unknown; }
};

export type AppendRowsResult = {
  __typename?: 'AppendRowsResult';
  accepted: Scalars['Boolean']['output'];
  errorMessage?: Maybe<Scalars['String']['output']>;
  taskId?: Maybe<Scalars['ID']['output']>;
};

export type AppendRowsSyncResult = {
  __typename?: 'AppendRowsSyncResult';
  dataset?: Maybe<Dataset>;
};

export type AppendRowsToDatasetInput = {
  datasetId: Scalars['ID']['input'];
  jsonFileUrl: Scalars['String']['input'];
};

/**
 * The SDK entity is AssetAttachment. Selection: `type value id` (<= 3.65),
 * `name type value id` (>= 3.66).
 */
export type AssetAttachment = {
  __typename?: 'AssetAttachment';
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  type: AttachmentType;
  value: Scalars['String']['output'];
};

/** Real name. The SDK camelCases each user dict (data_row_id -> dataRowId). */
export type AssignGlobalKeyToDataRowInput = {
  dataRowId: Scalars['ID']['input'];
  globalKey: Scalars['String']['input'];
};

export type AssignGlobalKeysToDataRowsInput = {
  assignInputs: Array<AssignGlobalKeyToDataRowInput>;
};

export type AssignGlobalKeysToDataRowsResult = {
  __typename?: 'AssignGlobalKeysToDataRowsResult';
  data?: Maybe<AssignGlobalKeysToDataRowsResultData>;
  jobStatus: Scalars['String']['output'];
};

export type AssignGlobalKeysToDataRowsResultData = {
  __typename?: 'AssignGlobalKeysToDataRowsResultData';
  accessDeniedAssignments: Array<GlobalKeyAssignment>;
  invalidGlobalKeyAssignments: Array<GlobalKeyAssignment>;
  sanitizedAssignments: Array<GlobalKeyAssignment>;
  unmodifiedAssignments: Array<GlobalKeyAssignment>;
};

export type AsyncJobHandle = {
  __typename?: 'AsyncJobHandle';
  jobId: Scalars['ID']['output'];
};

/**
 * Attachment types. The SDK checks them on the client side, against
 * AssetAttachment.AttachmentType.
 */
export type AttachmentType =
  | 'CAMERA_IMAGE'
  | 'HTML'
  | 'IMAGE'
  | 'IMAGE_OVERLAY'
  | 'PDF_URL'
  | 'RAW_TEXT'
  | 'TEXT'
  | 'TEXT_URL'
  | 'VIDEO';

export type AwsIamIntegrationSettings = {
  __typename?: 'AwsIamIntegrationSettings';
  roleArn?: Maybe<Scalars['String']['output']>;
};

export type ClearGlobalKeysResult = {
  __typename?: 'ClearGlobalKeysResult';
  data?: Maybe<ClearGlobalKeysResultData>;
  jobStatus: Scalars['String']['output'];
};

export type ClearGlobalKeysResultData = {
  __typename?: 'ClearGlobalKeysResultData';
  accessDeniedGlobalKeys: Array<Scalars['ID']['output']>;
  clearedGlobalKeys: Array<Scalars['ID']['output']>;
  failedToClearGlobalKeys: Array<Scalars['ID']['output']>;
  notFoundGlobalKeys: Array<Scalars['ID']['output']>;
};

/**
 * Kinds of metadata schema. The SDK maps them through DataRowMetadataKind
 * and rejects any other value.
 */
export type CustomMetadataKind =
  | 'CustomMetadataDateTime'
  | 'CustomMetadataEmbedding'
  | 'CustomMetadataEnum'
  | 'CustomMetadataEnumOption'
  | 'CustomMetadataNumber'
  | 'CustomMetadataString';

export type CustomMetadataSchema = {
  __typename?: 'CustomMetadataSchema';
  /** A 25-character cuid. The SDK's pydantic model rejects any other length. */
  id: Scalars['ID']['output'];
  kind: CustomMetadataKind;
  /** 1..100 chars (SDK-side constraint, whitespace stripped) */
  name: Scalars['String']['output'];
  /**
   * Non-empty only for CustomMetadataEnum. The ontology query selects
   * options{id kind name reserved}; upsertCustomMetadataSchema selects
   * options{id name kind}.
   */
  options?: Maybe<Array<CustomMetadataSchema>>;
  reserved?: Maybe<Scalars['Boolean']['output']>;
};

/**
 * Selection (SDK 3.27 .. 6.0, unchanged):
 * createdAt externalId globalKey mediaAttributes customMetadata { schemaId value }
 * metadataFields { schemaId name value kind } rowData id updatedAt
 * Every selected key must be present in the response: the SDK indexes
 * field_values[...] and raises KeyError on a missing key.
 * customMetadata must be a list ([] when empty), never null: the SDK iterates it.
 */
export type DataRow = {
  __typename?: 'DataRow';
  attachments: Array<AssetAttachment>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  createdBy?: Maybe<User>;
  /**
   * Raw schemaId/value pairs. An enum value shows up as an entry whose
   * schemaId is the OPTION id (value {}), sometimes with an extra entry for
   * the parent enum id (which the SDK skips).
   */
  customMetadata: Array<DataRowCustomMetadataField>;
  dataset?: Maybe<Dataset>;
  externalId?: Maybe<Scalars['String']['output']>;
  globalKey?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  mediaAttributes?: Maybe<Scalars['Json']['output']>;
  /** Readable view. The SDK passes it to the user untouched (a list of dicts). */
  metadataFields?: Maybe<Array<DataRowMetadataFieldOutput>>;
  organization?: Maybe<Organization>;
  rowData?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/**
 * Selection (SDK 3.27 .. 6.0, unchanged):
 * createdAt externalId globalKey mediaAttributes customMetadata { schemaId value }
 * metadataFields { schemaId name value kind } rowData id updatedAt
 * Every selected key must be present in the response: the SDK indexes
 * field_values[...] and raises KeyError on a missing key.
 * customMetadata must be a list ([] when empty), never null: the SDK iterates it.
 */
export type DataRowAttachmentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  skip?: InputMaybe<Scalars['Int']['input']>;
};

export type DataRowAttachmentCreateInput = {
  dataRowId: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  type: AttachmentType;
  value: Scalars['String']['input'];
};

/** Real name (from `$attachments: [DataRowAttachmentInput!]`). */
export type DataRowAttachmentInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  type: AttachmentType;
  value: Scalars['String']['input'];
};

export type DataRowAttachmentUpdateInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<AttachmentType>;
  value?: InputMaybe<Scalars['String']['input']>;
};

export type DataRowCreateInput = {
  attachments?: InputMaybe<Array<DataRowAttachmentInput>>;
  dataset: DatasetConnectInput;
  externalId?: InputMaybe<Scalars['String']['input']>;
  globalKey?: InputMaybe<Scalars['String']['input']>;
  mediaType?: InputMaybe<MediaType>;
  metadataFields?: InputMaybe<Array<DataRowCustomMetadataUpsertInput>>;
  rowData: Scalars['String']['input'];
};

/** Real name (SDK <= 3.58): {dataRowId, schemaIds} */
export type DataRowCustomMetadataBatchDeleteInput = {
  dataRowId?: InputMaybe<Scalars['ID']['input']>;
  globalKey?: InputMaybe<Scalars['String']['input']>;
  schemaIds: Array<Scalars['ID']['input']>;
};

export type DataRowCustomMetadataBatchResult = {
  __typename?: 'DataRowCustomMetadataBatchResult';
  dataRowId?: Maybe<Scalars['ID']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  fields: Array<DataRowCustomMetadataField>;
  /** Selected by SDK >= 3.46 (upsert) / >= 3.55 (export). */
  globalKey?: Maybe<Scalars['String']['output']>;
};

/** Real name. SDK <= 3.45: {dataRowId, fields}. SDK >= 3.46: {dataRowId?, globalKey?, fields}. */
export type DataRowCustomMetadataBatchUpsertInput = {
  dataRowId?: InputMaybe<Scalars['ID']['input']>;
  fields: Array<DataRowCustomMetadataUpsertInput>;
  globalKey?: InputMaybe<Scalars['String']['input']>;
};

/** Real name (SDK >= 3.59). */
export type DataRowCustomMetadataDataRowIdentifiersInput = {
  idType: IdType;
  ids: Array<Scalars['ID']['input']>;
};

export type DataRowCustomMetadataField = {
  __typename?: 'DataRowCustomMetadataField';
  schemaId: Scalars['ID']['output'];
  value?: Maybe<Scalars['Json']['output']>;
};

/**
 * Real name (from `$metadata_fields: [DataRowCustomMetadataUpsertInput!]`).
 * value: a string (String kind, <= 4096 chars in SDK >= 3.42), a number
 * (Number kind), an ISO datetime string (DateTime kind), {} (the enum parent
 * and the chosen option each sent as their own entry), or a list of 128 floats
 * (Embedding kind).
 */
export type DataRowCustomMetadataUpsertInput = {
  schemaId: Scalars['ID']['input'];
  value?: InputMaybe<Scalars['Json']['input']>;
};

export type DataRowCustomMetadataWhereInput = {
  dataRowIdentifiers?: InputMaybe<DataRowCustomMetadataDataRowIdentifiersInput>;
  dataRowIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type DataRowIdOnly = {
  __typename?: 'DataRowIdOnly';
  id: Scalars['ID']['output'];
};

/** Real name (SDK >= 3.59). */
export type DataRowIdentifierCustomMetadataBatchDeleteInput = {
  dataRowIdentifier: DataRowIdentifierInput;
  schemaIds: Array<Scalars['ID']['input']>;
};

export type DataRowIdentifierInput = {
  id: Scalars['ID']['input'];
  idType: IdType;
};

export type DataRowImportFailure = {
  __typename?: 'DataRowImportFailure';
  message?: Maybe<Scalars['String']['output']>;
  spec?: Maybe<DataRowImportSpec>;
};

export type DataRowImportSpec = {
  __typename?: 'DataRowImportSpec';
  attachments?: Maybe<Array<DataRowImportSpecAttachment>>;
  externalId?: Maybe<Scalars['String']['output']>;
  globalKey?: Maybe<Scalars['String']['output']>;
  metadata?: Maybe<Array<DataRowImportSpecMetadata>>;
  rowData?: Maybe<Scalars['String']['output']>;
};

export type DataRowImportSpecAttachment = {
  __typename?: 'DataRowImportSpecAttachment';
  name?: Maybe<Scalars['String']['output']>;
  type?: Maybe<AttachmentType>;
  value?: Maybe<Scalars['String']['output']>;
};

export type DataRowImportSpecMetadata = {
  __typename?: 'DataRowImportSpecMetadata';
  name?: Maybe<Scalars['String']['output']>;
  schemaId?: Maybe<Scalars['ID']['output']>;
  value?: Maybe<Scalars['Json']['output']>;
};

export type DataRowImportSuccess = {
  __typename?: 'DataRowImportSuccess';
  externalId?: Maybe<Scalars['String']['output']>;
  globalKey?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  rowData?: Maybe<Scalars['String']['output']>;
};

export type DataRowImportsPageInput = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  taskId: Scalars['ID']['input'];
};

export type DataRowMetadataFieldOutput = {
  __typename?: 'DataRowMetadataFieldOutput';
  kind?: Maybe<CustomMetadataKind>;
  name?: Maybe<Scalars['String']['output']>;
  schemaId: Scalars['ID']['output'];
  value?: Maybe<Scalars['Json']['output']>;
};

export type DataRowOrderByInput =
  | 'createdAt_ASC'
  | 'createdAt_DESC'
  | 'externalId_ASC'
  | 'externalId_DESC'
  | 'globalKey_ASC'
  | 'globalKey_DESC'
  | 'id_ASC'
  | 'id_DESC'
  | 'rowData_ASC'
  | 'rowData_DESC'
  | 'updatedAt_ASC'
  | 'updatedAt_DESC';

export type DataRowUpdateInput = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  globalKey?: InputMaybe<Scalars['String']['input']>;
  mediaAttributes?: InputMaybe<Scalars['Json']['input']>;
  /**
   * Sent only if the user calls update(metadata_fields=...). The SDK then declares
   * `$metadataFields: [DataRowCustomMetadataUpsertInput!]!`.
   */
  metadataFields?: InputMaybe<Array<DataRowCustomMetadataUpsertInput>>;
  rowData?: InputMaybe<Scalars['String']['input']>;
};

export type DataRowWhereInput = {
  AND?: InputMaybe<Array<DataRowWhereInput>>;
  NOT?: InputMaybe<Array<DataRowWhereInput>>;
  OR?: InputMaybe<Array<DataRowWhereInput>>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_not?: InputMaybe<Scalars['DateTime']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  externalId_gt?: InputMaybe<Scalars['String']['input']>;
  externalId_gte?: InputMaybe<Scalars['String']['input']>;
  externalId_lt?: InputMaybe<Scalars['String']['input']>;
  externalId_lte?: InputMaybe<Scalars['String']['input']>;
  externalId_not?: InputMaybe<Scalars['String']['input']>;
  globalKey?: InputMaybe<Scalars['String']['input']>;
  globalKey_gt?: InputMaybe<Scalars['String']['input']>;
  globalKey_gte?: InputMaybe<Scalars['String']['input']>;
  globalKey_lt?: InputMaybe<Scalars['String']['input']>;
  globalKey_lte?: InputMaybe<Scalars['String']['input']>;
  globalKey_not?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  id_gt?: InputMaybe<Scalars['ID']['input']>;
  id_gte?: InputMaybe<Scalars['ID']['input']>;
  id_lt?: InputMaybe<Scalars['ID']['input']>;
  id_lte?: InputMaybe<Scalars['ID']['input']>;
  id_not?: InputMaybe<Scalars['ID']['input']>;
  rowData?: InputMaybe<Scalars['String']['input']>;
  rowData_gt?: InputMaybe<Scalars['String']['input']>;
  rowData_gte?: InputMaybe<Scalars['String']['input']>;
  rowData_lt?: InputMaybe<Scalars['String']['input']>;
  rowData_lte?: InputMaybe<Scalars['String']['input']>;
  rowData_not?: InputMaybe<Scalars['String']['input']>;
  updatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_not?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DataRowsDeleteWhereInput = {
  dataRowIds: Array<Scalars['ID']['input']>;
};

export type DataRowsForGlobalKeysResult = {
  __typename?: 'DataRowsForGlobalKeysResult';
  data?: Maybe<DataRowsForGlobalKeysResultData>;
  /** COMPLETE | FAILED | anything else means still running */
  jobStatus: Scalars['String']['output'];
};

export type DataRowsForGlobalKeysResultData = {
  __typename?: 'DataRowsForGlobalKeysResultData';
  accessDeniedGlobalKeys: Array<Scalars['ID']['output']>;
  /** Selected only by SDK <= 3.41. */
  deletedDataRowGlobalKeys: Array<Scalars['ID']['output']>;
  /**
   * One entry per requested key, in input order. A key that did not resolve
   * has id "" (the SDK filters out empty strings).
   */
  fetchedDataRows: Array<DataRowIdOnly>;
  notFoundGlobalKeys: Array<Scalars['ID']['output']>;
};

/** Selection (all versions): createdAt description name rowCount id updatedAt */
export type Dataset = {
  __typename?: 'Dataset';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Offset-paginated relationship (SDK <= 3.49: dataset.data_rows()).
   * The SDK does not add a deleted filter here.
   */
  dataRows: Array<DataRow>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  rowCount?: Maybe<Scalars['Int']['output']>;
  /** Relationship name for Dataset.iam_integration (graphql_name "signer"). */
  signer?: Maybe<IamIntegration>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Selection (all versions): createdAt description name rowCount id updatedAt */
export type DatasetDataRowsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DataRowOrderByInput>;
  skip?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<DataRowWhereInput>;
};

export type DatasetConnectInput = {
  connect: WhereUniqueIdInput;
};

export type DatasetCreateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Real name (cursor pagination filter, SDK >= 3.50). The SDK sends exactly one
 * key: graphqlName + suffix ("", _not, _lt, _gt, _lte, _gte),
 * e.g. {"externalId": "abc"}.
 */
export type DatasetDataRowWhereInput = {
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  externalId_not?: InputMaybe<Scalars['String']['input']>;
  globalKey?: InputMaybe<Scalars['String']['input']>;
  globalKey_not?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  id_not?: InputMaybe<Scalars['ID']['input']>;
  rowData?: InputMaybe<Scalars['String']['input']>;
  rowData_not?: InputMaybe<Scalars['String']['input']>;
  updatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DatasetDataRowsExport = {
  __typename?: 'DatasetDataRowsExport';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  downloadUrl?: Maybe<Scalars['String']['output']>;
  /** IN_PROGRESS | COMPLETE | FAILED */
  status: Scalars['String']['output'];
};

export type DatasetDataRowsPage = {
  __typename?: 'DatasetDataRowsPage';
  nodes: Array<DataRow>;
  pageInfo: DatasetDataRowsPageInfo;
};

export type DatasetDataRowsPageInfo = {
  __typename?: 'DatasetDataRowsPageInfo';
  hasNextPage?: Maybe<Scalars['Boolean']['output']>;
  startCursor?: Maybe<Scalars['ID']['output']>;
};

export type DatasetOrderByInput =
  | 'createdAt_ASC'
  | 'createdAt_DESC'
  | 'description_ASC'
  | 'description_DESC'
  | 'id_ASC'
  | 'id_DESC'
  | 'name_ASC'
  | 'name_DESC'
  | 'rowCount_ASC'
  | 'rowCount_DESC'
  | 'updatedAt_ASC'
  | 'updatedAt_DESC';

export type DatasetUpdateInput = {
  deleted?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type DatasetValidationCheck = {
  __typename?: 'DatasetValidationCheck';
  name?: Maybe<Scalars['String']['output']>;
  success?: Maybe<Scalars['Boolean']['output']>;
};

export type DatasetValidationResult = {
  __typename?: 'DatasetValidationResult';
  checks: Array<DatasetValidationCheck>;
  valid: Scalars['Boolean']['output'];
};

export type DatasetWhereInput = {
  AND?: InputMaybe<Array<DatasetWhereInput>>;
  NOT?: InputMaybe<Array<DatasetWhereInput>>;
  OR?: InputMaybe<Array<DatasetWhereInput>>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_not?: InputMaybe<Scalars['DateTime']['input']>;
  deleted?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  description_gt?: InputMaybe<Scalars['String']['input']>;
  description_gte?: InputMaybe<Scalars['String']['input']>;
  description_lt?: InputMaybe<Scalars['String']['input']>;
  description_lte?: InputMaybe<Scalars['String']['input']>;
  description_not?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  id_gt?: InputMaybe<Scalars['ID']['input']>;
  id_gte?: InputMaybe<Scalars['ID']['input']>;
  id_lt?: InputMaybe<Scalars['ID']['input']>;
  id_lte?: InputMaybe<Scalars['ID']['input']>;
  id_not?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  name_gt?: InputMaybe<Scalars['String']['input']>;
  name_gte?: InputMaybe<Scalars['String']['input']>;
  name_lt?: InputMaybe<Scalars['String']['input']>;
  name_lte?: InputMaybe<Scalars['String']['input']>;
  name_not?: InputMaybe<Scalars['String']['input']>;
  rowCount?: InputMaybe<Scalars['Int']['input']>;
  rowCount_gt?: InputMaybe<Scalars['Int']['input']>;
  rowCount_gte?: InputMaybe<Scalars['Int']['input']>;
  rowCount_lt?: InputMaybe<Scalars['Int']['input']>;
  rowCount_lte?: InputMaybe<Scalars['Int']['input']>;
  rowCount_not?: InputMaybe<Scalars['Int']['input']>;
  updatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_not?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DeleteCustomMetadataSchemaResult = {
  __typename?: 'DeleteCustomMetadataSchemaResult';
  success: Scalars['Boolean']['output'];
};

/** Real name. Fields from the variables the SDK sends. */
export type ExportDataRowsInCatalogInput = {
  filters: ExportFiltersInput;
  /** SDK >= 3.67 */
  isStreamableReady?: InputMaybe<Scalars['Boolean']['input']>;
  params: ExportParamsInput;
  /** SDK >= 3.56 */
  streamable?: InputMaybe<Scalars['Boolean']['input']>;
  taskName?: InputMaybe<Scalars['String']['input']>;
};

export type ExportDataRowsInCatalogResult = {
  __typename?: 'ExportDataRowsInCatalogResult';
  /** Selected by SDK >= 3.67. */
  isStreamable?: Maybe<Scalars['Boolean']['output']>;
  taskId: Scalars['ID']['output'];
};

export type ExportDatasetDataRowsInput = {
  datasetId: Scalars['ID']['input'];
  includeMetadataInput: Scalars['Boolean']['input'];
};

export type ExportFileInfo = {
  __typename?: 'ExportFileInfo';
  /**
   * Signed URL of the chunk. The SDK GETs it and checks that
   * len(body) == offsets.end - offsets.start + 1.
   */
  file: Scalars['String']['output'];
  lines: UInt64Range;
  offsets: UInt64Range;
};

export type ExportFiltersInput = {
  searchQuery: SearchQueryInput;
};

export type ExportMetadataHeader = {
  __typename?: 'ExportMetadataHeader';
  totalLines?: Maybe<Scalars['UInt64']['output']>;
  totalSize?: Maybe<Scalars['UInt64']['output']>;
};

export type ExportParamsInput = {
  allModelRuns?: InputMaybe<Scalars['Boolean']['input']>;
  allProjects?: InputMaybe<Scalars['Boolean']['input']>;
  includeAttachments?: InputMaybe<Scalars['Boolean']['input']>;
  includeDataRowDetails?: InputMaybe<Scalars['Boolean']['input']>;
  includeEmbeddings?: InputMaybe<Scalars['Boolean']['input']>;
  includeInterpolatedFrames?: InputMaybe<Scalars['Boolean']['input']>;
  includeLabelDetails?: InputMaybe<Scalars['Boolean']['input']>;
  includeMetadata?: InputMaybe<Scalars['Boolean']['input']>;
  includePerformanceDetails?: InputMaybe<Scalars['Boolean']['input']>;
  includePredictions?: InputMaybe<Scalars['Boolean']['input']>;
  includeProjectDetails?: InputMaybe<Scalars['Boolean']['input']>;
  mediaTypeOverride?: InputMaybe<MediaType>;
  modelRunIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  projectIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type ExternalIdDataRowId = {
  __typename?: 'ExternalIdDataRowId';
  dataRowId: Scalars['ID']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
};

export type FailedDataRowImportsPage = {
  __typename?: 'FailedDataRowImportsPage';
  after?: Maybe<Scalars['String']['output']>;
  results: Array<DataRowImportFailure>;
  total?: Maybe<Scalars['Int']['output']>;
};

export type GcpIamIntegrationSettings = {
  __typename?: 'GcpIamIntegrationSettings';
  readBucket?: Maybe<Scalars['String']['output']>;
  serviceAccountEmailId?: Maybe<Scalars['String']['output']>;
};

export type GlobalKeyAssignment = {
  __typename?: 'GlobalKeyAssignment';
  dataRowId: Scalars['ID']['output'];
  globalKey: Scalars['String']['output'];
};

export type GlobalKeysWhereInput = {
  ids: Array<Scalars['ID']['input']>;
};

export type IamIntegration = {
  __typename?: 'IamIntegration';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  isOrgDefault: Scalars['Boolean']['output'];
  lastValidAt?: Maybe<Scalars['DateTime']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  provider?: Maybe<Scalars['String']['output']>;
  settings?: Maybe<IamIntegrationSettings>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  valid: Scalars['Boolean']['output'];
};

export type IamIntegrationSettings = AwsIamIntegrationSettings | GcpIamIntegrationSettings;

export type IdType =
  | 'GKEY'
  | 'ID';

/**
 * Values from labelbox.schema.media_type.MediaType. The SDK sends
 * `$media_type: MediaType` only from createDataRow (≤3.74). In descriptor
 * files media_type is a plain string.
 */
export type MediaType =
  | 'AUDIO'
  | 'CONVERSATIONAL'
  | 'DICOM'
  | 'HTML'
  | 'IMAGE'
  | 'JSON'
  | 'LLM'
  | 'LLM_PROMPT_CREATION'
  | 'LLM_PROMPT_RESPONSE_CREATION'
  | 'PDF'
  | 'POINT_CLOUD'
  | 'TEXT'
  | 'TMS_GEO'
  | 'TMS_SIMPLE'
  | 'UNKNOWN'
  | 'VIDEO';

export type Mutation = {
  __typename?: 'Mutation';
  /** AppendRowsToDatasetPyApi (create_data_rows, SDK <= 3.71). Starts a "JSON Import" task. */
  appendRowsToDataset: AppendRowsResult;
  /** AppendRowsToDatasetSyncPyApi (create_data_rows_sync, SDK <= 3.74; 1000 rows max) */
  appendRowsToDatasetSync: AppendRowsSyncResult;
  assignGlobalKeysToDataRows: AsyncJobHandle;
  clearGlobalKeys: AsyncJobHandle;
  /** CreateDataRowPyApi (dataset.create_data_row, SDK <= 3.74) */
  createDataRow?: Maybe<DataRow>;
  /** CreateDataRowAttachmentPyApi */
  createDataRowAttachment?: Maybe<AssetAttachment>;
  /** CreateDatasetPyApi: `createDataset(data: {name: $name ...})` */
  createDataset?: Maybe<Dataset>;
  deleteCustomMetadataSchema: DeleteCustomMetadataSchemaResult;
  /** deleteDataRowAttachmentPyApi */
  deleteDataRowAttachment?: Maybe<AssetAttachment>;
  /** SDK <= 3.58 passes `data:`; SDK >= 3.59 passes `dataRowIdentifiers:`. */
  deleteDataRowCustomMetadata: Array<DataRowCustomMetadataBatchResult>;
  /**
   * deleteDataRowsPyApi. The ids are INLINE string literals, not variables:
   * `deleteDataRows(where: {dataRowIds: ["id1", "id2"]}){id}`
   */
  deleteDataRows?: Maybe<Array<DataRow>>;
  /** exportDataRowsInCatalogPyApi (export v2 / streamable export) */
  exportDataRowsInCatalog: ExportDataRowsInCatalogResult;
  /** GetDatasetDataRowsExportUrlPyApi (export v1). Polled by re-sending the same mutation. */
  exportDatasetDataRows: DatasetDataRowsExport;
  setSignerForDataset?: Maybe<Dataset>;
  /** updateDataRowPyApi */
  updateDataRow?: Maybe<DataRow>;
  /** updateDataRowAttachmentPyApi (SDK >= 3.66) */
  updateDataRowAttachment?: Maybe<AssetAttachment>;
  /** updateDatasetPyApi / deleteDatasetPyApi (soft delete: data: {deleted: true}) */
  updateDataset?: Maybe<Dataset>;
  /** Multipart only (see Upload). */
  uploadFile?: Maybe<UploadedFile>;
  upsertCustomMetadataSchema: CustomMetadataSchema;
  upsertDataRowCustomMetadata: Array<DataRowCustomMetadataBatchResult>;
  /**
   * UpsertDataRowsPyApi (upsert_data_rows >= 3.67, create_data_rows >= 3.72,
   * create_data_row/create_data_rows_sync >= 3.75). Returns the task directly.
   */
  upsertDataRows: Task;
  validateDataset: DatasetValidationResult;
};


export type MutationAppendRowsToDatasetArgs = {
  data: AppendRowsToDatasetInput;
};


export type MutationAppendRowsToDatasetSyncArgs = {
  data: AppendRowsToDatasetInput;
};


export type MutationAssignGlobalKeysToDataRowsArgs = {
  data: AssignGlobalKeysToDataRowsInput;
};


export type MutationClearGlobalKeysArgs = {
  where: GlobalKeysWhereInput;
};


export type MutationCreateDataRowArgs = {
  data: DataRowCreateInput;
};


export type MutationCreateDataRowAttachmentArgs = {
  data: DataRowAttachmentCreateInput;
};


export type MutationCreateDatasetArgs = {
  data: DatasetCreateInput;
};


export type MutationDeleteCustomMetadataSchemaArgs = {
  schema: WhereUniqueIdInput;
};


export type MutationDeleteDataRowAttachmentArgs = {
  where: WhereUniqueIdInput;
};


export type MutationDeleteDataRowCustomMetadataArgs = {
  data?: InputMaybe<Array<DataRowCustomMetadataBatchDeleteInput>>;
  dataRowIdentifiers?: InputMaybe<Array<DataRowIdentifierCustomMetadataBatchDeleteInput>>;
};


export type MutationDeleteDataRowsArgs = {
  where: DataRowsDeleteWhereInput;
};


export type MutationExportDataRowsInCatalogArgs = {
  input: ExportDataRowsInCatalogInput;
};


export type MutationExportDatasetDataRowsArgs = {
  data: ExportDatasetDataRowsInput;
};


export type MutationSetSignerForDatasetArgs = {
  data: SetSignerForDatasetInput;
  where: WhereUniqueIdInput;
};


export type MutationUpdateDataRowArgs = {
  data: DataRowUpdateInput;
  where: WhereUniqueIdInput;
};


export type MutationUpdateDataRowAttachmentArgs = {
  data: DataRowAttachmentUpdateInput;
  where: WhereUniqueIdInput;
};


export type MutationUpdateDatasetArgs = {
  data: DatasetUpdateInput;
  where: WhereUniqueIdInput;
};


export type MutationUploadFileArgs = {
  contentLength: Scalars['Int']['input'];
  file: Scalars['Upload']['input'];
  sign?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationUpsertCustomMetadataSchemaArgs = {
  data: UpsertCustomMetadataSchemaInput;
};


export type MutationUpsertDataRowCustomMetadataArgs = {
  data: Array<DataRowCustomMetadataBatchUpsertInput>;
};


export type MutationUpsertDataRowsArgs = {
  data: UpsertDataRowsInput;
};


export type MutationValidateDatasetArgs = {
  where: WhereUniqueIdInput;
};

export type Organization = {
  __typename?: 'Organization';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type Query = {
  __typename?: 'Query';
  assignGlobalKeysToDataRowsResult: AssignGlobalKeysToDataRowsResult;
  clearGlobalKeysResult: ClearGlobalKeysResult;
  /** GetMetadataOntologyBetaPyApi: reserved and custom metadata schemas of the org. */
  customMetadataOntology: Array<CustomMetadataSchema>;
  /**
   * GetDataRowPyApi: `dataRow(where: {id: $param_0})`. Missing or deleted rows
   * produce a RESOURCE_NOT_FOUND error, or data.dataRow = null.
   */
  dataRow?: Maybe<DataRow>;
  /** dataRowCustomMetadataPyApi (mdo.bulk_export, at most 50 ids per call) */
  dataRowCustomMetadata: Array<DataRowCustomMetadataBatchResult>;
  /** Starts the async "global keys -> data rows" job. */
  dataRowsForGlobalKeys: AsyncJobHandle;
  dataRowsForGlobalKeysResult: DataRowsForGlobalKeysResult;
  /** GetDatasetPyApi: `dataset(where: {id: $param_0})` */
  dataset?: Maybe<Dataset>;
  /** DatasetDataRowsPyApi (SDK >= 3.50). Newest first; excludes deleted and failed rows. */
  datasetDataRows: DatasetDataRowsPage;
  /** GetDatasetsPyApi: `datasets(where: {AND: [...]} skip: N first: 100)` */
  datasets: Array<Dataset>;
  /** externalIdsToDataRowIdsPyApi (get_data_row_ids_for_external_ids, 100 ids per call) */
  externalIdsToDataRowIds: Array<ExternalIdDataRowId>;
  /** FailedDataRowImportsPyApi, SDK >= 3.72. */
  failedDataRowImports: FailedDataRowImportsPage;
  /** getAllIntegrationsPyApi (called by create_dataset) */
  iamIntegrations: Array<IamIntegration>;
  /** GetOrganizationPyApi */
  organization?: Maybe<Organization>;
  /**
   * SuccessesfulDataRowImportsPyApi (sic, misspelled in the server API).
   * Upsert-task successes, SDK >= 3.72.
   */
  successesfulDataRowImports: SuccessfulDataRowImportsPage;
  /** Streamable export access (SDK >= 3.56): `task(where: $where){exportMetadataHeader / exportFileFromOffset}` */
  task?: Maybe<Task>;
  /** GetUserPyApi: `user{...}` (no args). GetUserCreatedTasksPyApi: `user(where: {id: $x})`. */
  user?: Maybe<User>;
};


export type QueryAssignGlobalKeysToDataRowsResultArgs = {
  jobId: WhereUniqueIdInput;
};


export type QueryClearGlobalKeysResultArgs = {
  jobId: WhereUniqueIdInput;
};


export type QueryDataRowArgs = {
  where: WhereUniqueIdInput;
};


export type QueryDataRowCustomMetadataArgs = {
  where: DataRowCustomMetadataWhereInput;
};


export type QueryDataRowsForGlobalKeysArgs = {
  where: GlobalKeysWhereInput;
};


export type QueryDataRowsForGlobalKeysResultArgs = {
  jobId: WhereUniqueIdInput;
};


export type QueryDatasetArgs = {
  where: WhereUniqueIdInput;
};


export type QueryDatasetDataRowsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
  where?: InputMaybe<DatasetDataRowWhereInput>;
};


export type QueryDatasetsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DatasetOrderByInput>;
  skip?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<DatasetWhereInput>;
};


export type QueryExternalIdsToDataRowIdsArgs = {
  externalId_in: Array<Scalars['String']['input']>;
};


export type QueryFailedDataRowImportsArgs = {
  data: DataRowImportsPageInput;
};


export type QuerySuccessesfulDataRowImportsArgs = {
  data: DataRowImportsPageInput;
};


export type QueryTaskArgs = {
  where?: InputMaybe<WhereUniqueIdInput>;
};


export type QueryUserArgs = {
  where?: InputMaybe<WhereUniqueIdInput>;
};

export type SearchQueryInput = {
  /** List of search filter clauses, e.g. {"ids": [datasetId], "operator": "is", "type": "dataset"}. */
  query?: InputMaybe<Array<Scalars['Json']['input']>>;
  scope?: InputMaybe<Scalars['Json']['input']>;
};

export type SetSignerForDatasetInput = {
  signerId: Scalars['ID']['input'];
};

export type SuccessfulDataRowImportsPage = {
  __typename?: 'SuccessfulDataRowImportsPage';
  /** Cursor for the next page. Null or "" ends the pagination. */
  after?: Maybe<Scalars['String']['output']>;
  nodes: Array<DataRowImportSuccess>;
  total?: Maybe<Scalars['Int']['output']>;
};

/**
 * The SDK entity is Task. Selection:
 *   3.30:  completionPercentage createdAt name result status id updatedAt
 *   3.40+: completionPercentage createdAt errors name result status type id updatedAt
 *   3.58+: ... errors metadata name result status type id updatedAt
 * status: IN_PROGRESS | COMPLETE | FAILED (the SDK compares these strings).
 * result / errors hold a URL of a JSON/NDJSON file, or an inline JSON string
 * for some task types, or null.
 */
export type Task = {
  __typename?: 'Task';
  completionPercentage?: Maybe<Scalars['Float']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  errors?: Maybe<Scalars['String']['output']>;
  exportFileFromOffset?: Maybe<ExportFileInfo>;
  /** Streamable export (SDK >= 3.56). Null when the stream does not exist. */
  exportMetadataHeader?: Maybe<ExportMetadataHeader>;
  id: Scalars['ID']['output'];
  metadata?: Maybe<Scalars['Json']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  result?: Maybe<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  type?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/**
 * The SDK entity is Task. Selection:
 *   3.30:  completionPercentage createdAt name result status id updatedAt
 *   3.40+: completionPercentage createdAt errors name result status type id updatedAt
 *   3.58+: ... errors metadata name result status type id updatedAt
 * status: IN_PROGRESS | COMPLETE | FAILED (the SDK compares these strings).
 * result / errors hold a URL of a JSON/NDJSON file, or an inline JSON string
 * for some task types, or null.
 */
export type TaskExportFileFromOffsetArgs = {
  offset: Scalars['UInt64']['input'];
  streamType: TaskStreamType;
};


/**
 * The SDK entity is Task. Selection:
 *   3.30:  completionPercentage createdAt name result status id updatedAt
 *   3.40+: completionPercentage createdAt errors name result status type id updatedAt
 *   3.58+: ... errors metadata name result status type id updatedAt
 * status: IN_PROGRESS | COMPLETE | FAILED (the SDK compares these strings).
 * result / errors hold a URL of a JSON/NDJSON file, or an inline JSON string
 * for some task types, or null.
 */
export type TaskExportMetadataHeaderArgs = {
  streamType: TaskStreamType;
};

export type TaskOrderByInput =
  | 'completionPercentage_ASC'
  | 'completionPercentage_DESC'
  | 'createdAt_ASC'
  | 'createdAt_DESC'
  | 'id_ASC'
  | 'id_DESC'
  | 'name_ASC'
  | 'name_DESC'
  | 'status_ASC'
  | 'status_DESC'
  | 'type_ASC'
  | 'type_DESC'
  | 'updatedAt_ASC'
  | 'updatedAt_DESC';

/** Stream selector for streamable export tasks (SDK >= 3.56). */
export type TaskStreamType =
  | 'ERRORS'
  | 'RESULT';

export type TaskWhereInput = {
  AND?: InputMaybe<Array<TaskWhereInput>>;
  NOT?: InputMaybe<Array<TaskWhereInput>>;
  OR?: InputMaybe<Array<TaskWhereInput>>;
  completionPercentage?: InputMaybe<Scalars['Float']['input']>;
  completionPercentage_gt?: InputMaybe<Scalars['Float']['input']>;
  completionPercentage_gte?: InputMaybe<Scalars['Float']['input']>;
  completionPercentage_lt?: InputMaybe<Scalars['Float']['input']>;
  completionPercentage_lte?: InputMaybe<Scalars['Float']['input']>;
  completionPercentage_not?: InputMaybe<Scalars['Float']['input']>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  createdAt_not?: InputMaybe<Scalars['DateTime']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  id_gt?: InputMaybe<Scalars['ID']['input']>;
  id_gte?: InputMaybe<Scalars['ID']['input']>;
  id_lt?: InputMaybe<Scalars['ID']['input']>;
  id_lte?: InputMaybe<Scalars['ID']['input']>;
  id_not?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  name_gt?: InputMaybe<Scalars['String']['input']>;
  name_gte?: InputMaybe<Scalars['String']['input']>;
  name_lt?: InputMaybe<Scalars['String']['input']>;
  name_lte?: InputMaybe<Scalars['String']['input']>;
  name_not?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  status_gt?: InputMaybe<Scalars['String']['input']>;
  status_gte?: InputMaybe<Scalars['String']['input']>;
  status_lt?: InputMaybe<Scalars['String']['input']>;
  status_lte?: InputMaybe<Scalars['String']['input']>;
  status_not?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  type_gt?: InputMaybe<Scalars['String']['input']>;
  type_gte?: InputMaybe<Scalars['String']['input']>;
  type_lt?: InputMaybe<Scalars['String']['input']>;
  type_lte?: InputMaybe<Scalars['String']['input']>;
  type_not?: InputMaybe<Scalars['String']['input']>;
  updatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_gte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lt?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_lte?: InputMaybe<Scalars['DateTime']['input']>;
  updatedAt_not?: InputMaybe<Scalars['DateTime']['input']>;
};

export type UInt64Range = {
  __typename?: 'UInt64Range';
  end: Scalars['UInt64']['output'];
  start: Scalars['UInt64']['output'];
};

export type UploadedFile = {
  __typename?: 'UploadedFile';
  filename?: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type UpsertCustomMetadataSchemaEnumOptionInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: CustomMetadataKind;
  name: Scalars['String']['input'];
};

/** Real name. */
export type UpsertCustomMetadataSchemaInput = {
  /** absent = create, present = update */
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: CustomMetadataKind;
  name: Scalars['String']['input'];
  options?: InputMaybe<Array<UpsertCustomMetadataSchemaEnumOptionInput>>;
};

export type UpsertDataRowsInput = {
  manifestUri: Scalars['String']['input'];
};

/**
 * The caller (API-key owner). Selection (all versions):
 * createdAt email intercomHash isExternalUser isViewer nickname name picture id updatedAt
 */
export type User = {
  __typename?: 'User';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Tasks created by this user. The SDK always passes where:{id}, skip and
   * first (skip: 0 first: 100 from the ORM; skip: 0 first: 1 from
   * client.get_task_by_id, SDK >= 3.78).
   */
  createdTasks: Array<Task>;
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  intercomHash?: Maybe<Scalars['String']['output']>;
  /**
   * `query IsAdvEnabledPyApi { user { isAdvEnabled } }`: only the SDK's integration
   * tests read it. ADV orgs report per-row import errors instead of failing the whole task.
   */
  isAdvEnabled?: Maybe<Scalars['Boolean']['output']>;
  isExternalUser?: Maybe<Scalars['Boolean']['output']>;
  isViewer?: Maybe<Scalars['Boolean']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  nickname?: Maybe<Scalars['String']['output']>;
  organization?: Maybe<Organization>;
  picture?: Maybe<Scalars['String']['output']>;
  /**
   * `query CurrentUserPyApi { user { timezone } }`: export v2 date filters read it.
   * null means UTC.
   */
  timezone?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/**
 * The caller (API-key owner). Selection (all versions):
 * createdAt email intercomHash isExternalUser isViewer nickname name picture id updatedAt
 */
export type UserCreatedTasksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TaskOrderByInput>;
  skip?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<TaskWhereInput>;
};

/**
 * Selects one object by id: `{id: ...}`. The name is real: the SDK
 * declares it in `$where: WhereUniqueIdInput` (task, deleteCustomMetadataSchema).
 */
export type WhereUniqueIdInput = {
  id: Scalars['ID']['input'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  IamIntegrationSettings:
    | ( AwsIamIntegrationSettings )
    | ( GcpIamIntegrationSettings )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AppendRowsResult: ResolverTypeWrapper<AppendRowsResult>;
  AppendRowsSyncResult: ResolverTypeWrapper<Omit<AppendRowsSyncResult, 'dataset'> & { dataset?: Maybe<ResolversTypes['Dataset']> }>;
  AppendRowsToDatasetInput: AppendRowsToDatasetInput;
  AssetAttachment: ResolverTypeWrapper<AttachmentRecord>;
  AssignGlobalKeyToDataRowInput: AssignGlobalKeyToDataRowInput;
  AssignGlobalKeysToDataRowsInput: AssignGlobalKeysToDataRowsInput;
  AssignGlobalKeysToDataRowsResult: ResolverTypeWrapper<AssignGlobalKeysToDataRowsResult>;
  AssignGlobalKeysToDataRowsResultData: ResolverTypeWrapper<AssignGlobalKeysToDataRowsResultData>;
  AsyncJobHandle: ResolverTypeWrapper<AsyncJobHandle>;
  AttachmentType: AttachmentType;
  AwsIamIntegrationSettings: ResolverTypeWrapper<AwsIamIntegrationSettings>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ClearGlobalKeysResult: ResolverTypeWrapper<ClearGlobalKeysResult>;
  ClearGlobalKeysResultData: ResolverTypeWrapper<ClearGlobalKeysResultData>;
  CustomMetadataKind: CustomMetadataKind;
  CustomMetadataSchema: ResolverTypeWrapper<MetadataSchemaRecord>;
  DataRow: ResolverTypeWrapper<DataRowRecord>;
  DataRowAttachmentCreateInput: DataRowAttachmentCreateInput;
  DataRowAttachmentInput: DataRowAttachmentInput;
  DataRowAttachmentUpdateInput: DataRowAttachmentUpdateInput;
  DataRowCreateInput: DataRowCreateInput;
  DataRowCustomMetadataBatchDeleteInput: DataRowCustomMetadataBatchDeleteInput;
  DataRowCustomMetadataBatchResult: ResolverTypeWrapper<DataRowCustomMetadataBatchResult>;
  DataRowCustomMetadataBatchUpsertInput: DataRowCustomMetadataBatchUpsertInput;
  DataRowCustomMetadataDataRowIdentifiersInput: DataRowCustomMetadataDataRowIdentifiersInput;
  DataRowCustomMetadataField: ResolverTypeWrapper<DataRowCustomMetadataField>;
  DataRowCustomMetadataUpsertInput: DataRowCustomMetadataUpsertInput;
  DataRowCustomMetadataWhereInput: DataRowCustomMetadataWhereInput;
  DataRowIdOnly: ResolverTypeWrapper<DataRowIdOnly>;
  DataRowIdentifierCustomMetadataBatchDeleteInput: DataRowIdentifierCustomMetadataBatchDeleteInput;
  DataRowIdentifierInput: DataRowIdentifierInput;
  DataRowImportFailure: ResolverTypeWrapper<DataRowImportFailure>;
  DataRowImportSpec: ResolverTypeWrapper<DataRowImportSpec>;
  DataRowImportSpecAttachment: ResolverTypeWrapper<DataRowImportSpecAttachment>;
  DataRowImportSpecMetadata: ResolverTypeWrapper<DataRowImportSpecMetadata>;
  DataRowImportSuccess: ResolverTypeWrapper<DataRowImportSuccess>;
  DataRowImportsPageInput: DataRowImportsPageInput;
  DataRowMetadataFieldOutput: ResolverTypeWrapper<DataRowMetadataFieldOutput>;
  DataRowOrderByInput: DataRowOrderByInput;
  DataRowUpdateInput: DataRowUpdateInput;
  DataRowWhereInput: DataRowWhereInput;
  DataRowsDeleteWhereInput: DataRowsDeleteWhereInput;
  DataRowsForGlobalKeysResult: ResolverTypeWrapper<DataRowsForGlobalKeysResult>;
  DataRowsForGlobalKeysResultData: ResolverTypeWrapper<DataRowsForGlobalKeysResultData>;
  Dataset: ResolverTypeWrapper<DatasetRecord>;
  DatasetConnectInput: DatasetConnectInput;
  DatasetCreateInput: DatasetCreateInput;
  DatasetDataRowWhereInput: DatasetDataRowWhereInput;
  DatasetDataRowsExport: ResolverTypeWrapper<DatasetDataRowsExport>;
  DatasetDataRowsPage: ResolverTypeWrapper<Omit<DatasetDataRowsPage, 'nodes'> & { nodes: Array<ResolversTypes['DataRow']> }>;
  DatasetDataRowsPageInfo: ResolverTypeWrapper<DatasetDataRowsPageInfo>;
  DatasetOrderByInput: DatasetOrderByInput;
  DatasetUpdateInput: DatasetUpdateInput;
  DatasetValidationCheck: ResolverTypeWrapper<DatasetValidationCheck>;
  DatasetValidationResult: ResolverTypeWrapper<DatasetValidationResult>;
  DatasetWhereInput: DatasetWhereInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteCustomMetadataSchemaResult: ResolverTypeWrapper<DeleteCustomMetadataSchemaResult>;
  ExportDataRowsInCatalogInput: ExportDataRowsInCatalogInput;
  ExportDataRowsInCatalogResult: ResolverTypeWrapper<ExportDataRowsInCatalogResult>;
  ExportDatasetDataRowsInput: ExportDatasetDataRowsInput;
  ExportFileInfo: ResolverTypeWrapper<ExportFileInfo>;
  ExportFiltersInput: ExportFiltersInput;
  ExportMetadataHeader: ResolverTypeWrapper<ExportMetadataHeader>;
  ExportParamsInput: ExportParamsInput;
  ExternalIdDataRowId: ResolverTypeWrapper<ExternalIdDataRowId>;
  FailedDataRowImportsPage: ResolverTypeWrapper<FailedDataRowImportsPage>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GcpIamIntegrationSettings: ResolverTypeWrapper<GcpIamIntegrationSettings>;
  GlobalKeyAssignment: ResolverTypeWrapper<GlobalKeyAssignment>;
  GlobalKeysWhereInput: GlobalKeysWhereInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IamIntegration: ResolverTypeWrapper<IamIntegrationRecord>;
  IamIntegrationSettings: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['IamIntegrationSettings']>;
  IdType: IdType;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Json: ResolverTypeWrapper<Scalars['Json']['output']>;
  MediaType: MediaType;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<OrgRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SearchQueryInput: SearchQueryInput;
  SetSignerForDatasetInput: SetSignerForDatasetInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SuccessfulDataRowImportsPage: ResolverTypeWrapper<SuccessfulDataRowImportsPage>;
  Task: ResolverTypeWrapper<TaskRecord>;
  TaskOrderByInput: TaskOrderByInput;
  TaskStreamType: TaskStreamType;
  TaskWhereInput: TaskWhereInput;
  UInt64: ResolverTypeWrapper<Scalars['UInt64']['output']>;
  UInt64Range: ResolverTypeWrapper<UInt64Range>;
  Upload: ResolverTypeWrapper<Scalars['Upload']['output']>;
  UploadedFile: ResolverTypeWrapper<UploadedFile>;
  UpsertCustomMetadataSchemaEnumOptionInput: UpsertCustomMetadataSchemaEnumOptionInput;
  UpsertCustomMetadataSchemaInput: UpsertCustomMetadataSchemaInput;
  UpsertDataRowsInput: UpsertDataRowsInput;
  User: ResolverTypeWrapper<UserRecord>;
  WhereUniqueIdInput: WhereUniqueIdInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AppendRowsResult: AppendRowsResult;
  AppendRowsSyncResult: Omit<AppendRowsSyncResult, 'dataset'> & { dataset?: Maybe<ResolversParentTypes['Dataset']> };
  AppendRowsToDatasetInput: AppendRowsToDatasetInput;
  AssetAttachment: AttachmentRecord;
  AssignGlobalKeyToDataRowInput: AssignGlobalKeyToDataRowInput;
  AssignGlobalKeysToDataRowsInput: AssignGlobalKeysToDataRowsInput;
  AssignGlobalKeysToDataRowsResult: AssignGlobalKeysToDataRowsResult;
  AssignGlobalKeysToDataRowsResultData: AssignGlobalKeysToDataRowsResultData;
  AsyncJobHandle: AsyncJobHandle;
  AwsIamIntegrationSettings: AwsIamIntegrationSettings;
  Boolean: Scalars['Boolean']['output'];
  ClearGlobalKeysResult: ClearGlobalKeysResult;
  ClearGlobalKeysResultData: ClearGlobalKeysResultData;
  CustomMetadataSchema: MetadataSchemaRecord;
  DataRow: DataRowRecord;
  DataRowAttachmentCreateInput: DataRowAttachmentCreateInput;
  DataRowAttachmentInput: DataRowAttachmentInput;
  DataRowAttachmentUpdateInput: DataRowAttachmentUpdateInput;
  DataRowCreateInput: DataRowCreateInput;
  DataRowCustomMetadataBatchDeleteInput: DataRowCustomMetadataBatchDeleteInput;
  DataRowCustomMetadataBatchResult: DataRowCustomMetadataBatchResult;
  DataRowCustomMetadataBatchUpsertInput: DataRowCustomMetadataBatchUpsertInput;
  DataRowCustomMetadataDataRowIdentifiersInput: DataRowCustomMetadataDataRowIdentifiersInput;
  DataRowCustomMetadataField: DataRowCustomMetadataField;
  DataRowCustomMetadataUpsertInput: DataRowCustomMetadataUpsertInput;
  DataRowCustomMetadataWhereInput: DataRowCustomMetadataWhereInput;
  DataRowIdOnly: DataRowIdOnly;
  DataRowIdentifierCustomMetadataBatchDeleteInput: DataRowIdentifierCustomMetadataBatchDeleteInput;
  DataRowIdentifierInput: DataRowIdentifierInput;
  DataRowImportFailure: DataRowImportFailure;
  DataRowImportSpec: DataRowImportSpec;
  DataRowImportSpecAttachment: DataRowImportSpecAttachment;
  DataRowImportSpecMetadata: DataRowImportSpecMetadata;
  DataRowImportSuccess: DataRowImportSuccess;
  DataRowImportsPageInput: DataRowImportsPageInput;
  DataRowMetadataFieldOutput: DataRowMetadataFieldOutput;
  DataRowUpdateInput: DataRowUpdateInput;
  DataRowWhereInput: DataRowWhereInput;
  DataRowsDeleteWhereInput: DataRowsDeleteWhereInput;
  DataRowsForGlobalKeysResult: DataRowsForGlobalKeysResult;
  DataRowsForGlobalKeysResultData: DataRowsForGlobalKeysResultData;
  Dataset: DatasetRecord;
  DatasetConnectInput: DatasetConnectInput;
  DatasetCreateInput: DatasetCreateInput;
  DatasetDataRowWhereInput: DatasetDataRowWhereInput;
  DatasetDataRowsExport: DatasetDataRowsExport;
  DatasetDataRowsPage: Omit<DatasetDataRowsPage, 'nodes'> & { nodes: Array<ResolversParentTypes['DataRow']> };
  DatasetDataRowsPageInfo: DatasetDataRowsPageInfo;
  DatasetUpdateInput: DatasetUpdateInput;
  DatasetValidationCheck: DatasetValidationCheck;
  DatasetValidationResult: DatasetValidationResult;
  DatasetWhereInput: DatasetWhereInput;
  DateTime: Scalars['DateTime']['output'];
  DeleteCustomMetadataSchemaResult: DeleteCustomMetadataSchemaResult;
  ExportDataRowsInCatalogInput: ExportDataRowsInCatalogInput;
  ExportDataRowsInCatalogResult: ExportDataRowsInCatalogResult;
  ExportDatasetDataRowsInput: ExportDatasetDataRowsInput;
  ExportFileInfo: ExportFileInfo;
  ExportFiltersInput: ExportFiltersInput;
  ExportMetadataHeader: ExportMetadataHeader;
  ExportParamsInput: ExportParamsInput;
  ExternalIdDataRowId: ExternalIdDataRowId;
  FailedDataRowImportsPage: FailedDataRowImportsPage;
  Float: Scalars['Float']['output'];
  GcpIamIntegrationSettings: GcpIamIntegrationSettings;
  GlobalKeyAssignment: GlobalKeyAssignment;
  GlobalKeysWhereInput: GlobalKeysWhereInput;
  ID: Scalars['ID']['output'];
  IamIntegration: IamIntegrationRecord;
  IamIntegrationSettings: ResolversUnionTypes<ResolversParentTypes>['IamIntegrationSettings'];
  Int: Scalars['Int']['output'];
  Json: Scalars['Json']['output'];
  Mutation: Record<PropertyKey, never>;
  Organization: OrgRecord;
  Query: Record<PropertyKey, never>;
  SearchQueryInput: SearchQueryInput;
  SetSignerForDatasetInput: SetSignerForDatasetInput;
  String: Scalars['String']['output'];
  SuccessfulDataRowImportsPage: SuccessfulDataRowImportsPage;
  Task: TaskRecord;
  TaskWhereInput: TaskWhereInput;
  UInt64: Scalars['UInt64']['output'];
  UInt64Range: UInt64Range;
  Upload: Scalars['Upload']['output'];
  UploadedFile: UploadedFile;
  UpsertCustomMetadataSchemaEnumOptionInput: UpsertCustomMetadataSchemaEnumOptionInput;
  UpsertCustomMetadataSchemaInput: UpsertCustomMetadataSchemaInput;
  UpsertDataRowsInput: UpsertDataRowsInput;
  User: UserRecord;
  WhereUniqueIdInput: WhereUniqueIdInput;
}>;

export type AppendRowsResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AppendRowsResult'] = ResolversParentTypes['AppendRowsResult']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  taskId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type AppendRowsSyncResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AppendRowsSyncResult'] = ResolversParentTypes['AppendRowsSyncResult']> = ResolversObject<{
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
}>;

export type AssetAttachmentResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AssetAttachment'] = ResolversParentTypes['AssetAttachment']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AttachmentType'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AssignGlobalKeysToDataRowsResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AssignGlobalKeysToDataRowsResult'] = ResolversParentTypes['AssignGlobalKeysToDataRowsResult']> = ResolversObject<{
  data?: Resolver<Maybe<ResolversTypes['AssignGlobalKeysToDataRowsResultData']>, ParentType, ContextType>;
  jobStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AssignGlobalKeysToDataRowsResultDataResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AssignGlobalKeysToDataRowsResultData'] = ResolversParentTypes['AssignGlobalKeysToDataRowsResultData']> = ResolversObject<{
  accessDeniedAssignments?: Resolver<Array<ResolversTypes['GlobalKeyAssignment']>, ParentType, ContextType>;
  invalidGlobalKeyAssignments?: Resolver<Array<ResolversTypes['GlobalKeyAssignment']>, ParentType, ContextType>;
  sanitizedAssignments?: Resolver<Array<ResolversTypes['GlobalKeyAssignment']>, ParentType, ContextType>;
  unmodifiedAssignments?: Resolver<Array<ResolversTypes['GlobalKeyAssignment']>, ParentType, ContextType>;
}>;

export type AsyncJobHandleResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AsyncJobHandle'] = ResolversParentTypes['AsyncJobHandle']> = ResolversObject<{
  jobId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type AwsIamIntegrationSettingsResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['AwsIamIntegrationSettings'] = ResolversParentTypes['AwsIamIntegrationSettings']> = ResolversObject<{
  roleArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ClearGlobalKeysResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['ClearGlobalKeysResult'] = ResolversParentTypes['ClearGlobalKeysResult']> = ResolversObject<{
  data?: Resolver<Maybe<ResolversTypes['ClearGlobalKeysResultData']>, ParentType, ContextType>;
  jobStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ClearGlobalKeysResultDataResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['ClearGlobalKeysResultData'] = ResolversParentTypes['ClearGlobalKeysResultData']> = ResolversObject<{
  accessDeniedGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  clearedGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  failedToClearGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  notFoundGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type CustomMetadataSchemaResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['CustomMetadataSchema'] = ResolversParentTypes['CustomMetadataSchema']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CustomMetadataKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['CustomMetadataSchema']>>, ParentType, ContextType>;
  reserved?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
}>;

export type DataRowResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRow'] = ResolversParentTypes['DataRow']> = ResolversObject<{
  attachments?: Resolver<Array<ResolversTypes['AssetAttachment']>, ParentType, ContextType, Partial<DataRowAttachmentsArgs>>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  customMetadata?: Resolver<Array<ResolversTypes['DataRowCustomMetadataField']>, ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  globalKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mediaAttributes?: Resolver<Maybe<ResolversTypes['Json']>, ParentType, ContextType>;
  metadataFields?: Resolver<Maybe<Array<ResolversTypes['DataRowMetadataFieldOutput']>>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  rowData?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type DataRowCustomMetadataBatchResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowCustomMetadataBatchResult'] = ResolversParentTypes['DataRowCustomMetadataBatchResult']> = ResolversObject<{
  dataRowId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DataRowCustomMetadataField']>, ParentType, ContextType>;
  globalKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DataRowCustomMetadataFieldResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowCustomMetadataField'] = ResolversParentTypes['DataRowCustomMetadataField']> = ResolversObject<{
  schemaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Json']>, ParentType, ContextType>;
}>;

export type DataRowIdOnlyResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowIdOnly'] = ResolversParentTypes['DataRowIdOnly']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DataRowImportFailureResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowImportFailure'] = ResolversParentTypes['DataRowImportFailure']> = ResolversObject<{
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  spec?: Resolver<Maybe<ResolversTypes['DataRowImportSpec']>, ParentType, ContextType>;
}>;

export type DataRowImportSpecResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowImportSpec'] = ResolversParentTypes['DataRowImportSpec']> = ResolversObject<{
  attachments?: Resolver<Maybe<Array<ResolversTypes['DataRowImportSpecAttachment']>>, ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  globalKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metadata?: Resolver<Maybe<Array<ResolversTypes['DataRowImportSpecMetadata']>>, ParentType, ContextType>;
  rowData?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DataRowImportSpecAttachmentResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowImportSpecAttachment'] = ResolversParentTypes['DataRowImportSpecAttachment']> = ResolversObject<{
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['AttachmentType']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DataRowImportSpecMetadataResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowImportSpecMetadata'] = ResolversParentTypes['DataRowImportSpecMetadata']> = ResolversObject<{
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  schemaId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Json']>, ParentType, ContextType>;
}>;

export type DataRowImportSuccessResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowImportSuccess'] = ResolversParentTypes['DataRowImportSuccess']> = ResolversObject<{
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  globalKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rowData?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DataRowMetadataFieldOutputResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowMetadataFieldOutput'] = ResolversParentTypes['DataRowMetadataFieldOutput']> = ResolversObject<{
  kind?: Resolver<Maybe<ResolversTypes['CustomMetadataKind']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  schemaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Json']>, ParentType, ContextType>;
}>;

export type DataRowsForGlobalKeysResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowsForGlobalKeysResult'] = ResolversParentTypes['DataRowsForGlobalKeysResult']> = ResolversObject<{
  data?: Resolver<Maybe<ResolversTypes['DataRowsForGlobalKeysResultData']>, ParentType, ContextType>;
  jobStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DataRowsForGlobalKeysResultDataResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DataRowsForGlobalKeysResultData'] = ResolversParentTypes['DataRowsForGlobalKeysResultData']> = ResolversObject<{
  accessDeniedGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  deletedDataRowGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  fetchedDataRows?: Resolver<Array<ResolversTypes['DataRowIdOnly']>, ParentType, ContextType>;
  notFoundGlobalKeys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type DatasetResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset']> = ResolversObject<{
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dataRows?: Resolver<Array<ResolversTypes['DataRow']>, ParentType, ContextType, Partial<DatasetDataRowsArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rowCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['IamIntegration']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type DatasetDataRowsExportResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DatasetDataRowsExport'] = ResolversParentTypes['DatasetDataRowsExport']> = ResolversObject<{
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  downloadUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DatasetDataRowsPageResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DatasetDataRowsPage'] = ResolversParentTypes['DatasetDataRowsPage']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['DataRow']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['DatasetDataRowsPageInfo'], ParentType, ContextType>;
}>;

export type DatasetDataRowsPageInfoResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DatasetDataRowsPageInfo'] = ResolversParentTypes['DatasetDataRowsPageInfo']> = ResolversObject<{
  hasNextPage?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type DatasetValidationCheckResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DatasetValidationCheck'] = ResolversParentTypes['DatasetValidationCheck']> = ResolversObject<{
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  success?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
}>;

export type DatasetValidationResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DatasetValidationResult'] = ResolversParentTypes['DatasetValidationResult']> = ResolversObject<{
  checks?: Resolver<Array<ResolversTypes['DatasetValidationCheck']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteCustomMetadataSchemaResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['DeleteCustomMetadataSchemaResult'] = ResolversParentTypes['DeleteCustomMetadataSchemaResult']> = ResolversObject<{
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ExportDataRowsInCatalogResultResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['ExportDataRowsInCatalogResult'] = ResolversParentTypes['ExportDataRowsInCatalogResult']> = ResolversObject<{
  isStreamable?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  taskId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ExportFileInfoResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['ExportFileInfo'] = ResolversParentTypes['ExportFileInfo']> = ResolversObject<{
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['UInt64Range'], ParentType, ContextType>;
  offsets?: Resolver<ResolversTypes['UInt64Range'], ParentType, ContextType>;
}>;

export type ExportMetadataHeaderResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['ExportMetadataHeader'] = ResolversParentTypes['ExportMetadataHeader']> = ResolversObject<{
  totalLines?: Resolver<Maybe<ResolversTypes['UInt64']>, ParentType, ContextType>;
  totalSize?: Resolver<Maybe<ResolversTypes['UInt64']>, ParentType, ContextType>;
}>;

export type ExternalIdDataRowIdResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['ExternalIdDataRowId'] = ResolversParentTypes['ExternalIdDataRowId']> = ResolversObject<{
  dataRowId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FailedDataRowImportsPageResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['FailedDataRowImportsPage'] = ResolversParentTypes['FailedDataRowImportsPage']> = ResolversObject<{
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['DataRowImportFailure']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type GcpIamIntegrationSettingsResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['GcpIamIntegrationSettings'] = ResolversParentTypes['GcpIamIntegrationSettings']> = ResolversObject<{
  readBucket?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceAccountEmailId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type GlobalKeyAssignmentResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['GlobalKeyAssignment'] = ResolversParentTypes['GlobalKeyAssignment']> = ResolversObject<{
  dataRowId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  globalKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IamIntegrationResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['IamIntegration'] = ResolversParentTypes['IamIntegration']> = ResolversObject<{
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isOrgDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastValidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  settings?: Resolver<Maybe<ResolversTypes['IamIntegrationSettings']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type IamIntegrationSettingsResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['IamIntegrationSettings'] = ResolversParentTypes['IamIntegrationSettings']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AwsIamIntegrationSettings' | 'GcpIamIntegrationSettings', ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Json'], any> {
  name: 'Json';
}

export type MutationResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  appendRowsToDataset?: Resolver<ResolversTypes['AppendRowsResult'], ParentType, ContextType, RequireFields<MutationAppendRowsToDatasetArgs, 'data'>>;
  appendRowsToDatasetSync?: Resolver<ResolversTypes['AppendRowsSyncResult'], ParentType, ContextType, RequireFields<MutationAppendRowsToDatasetSyncArgs, 'data'>>;
  assignGlobalKeysToDataRows?: Resolver<ResolversTypes['AsyncJobHandle'], ParentType, ContextType, RequireFields<MutationAssignGlobalKeysToDataRowsArgs, 'data'>>;
  clearGlobalKeys?: Resolver<ResolversTypes['AsyncJobHandle'], ParentType, ContextType, RequireFields<MutationClearGlobalKeysArgs, 'where'>>;
  createDataRow?: Resolver<Maybe<ResolversTypes['DataRow']>, ParentType, ContextType, RequireFields<MutationCreateDataRowArgs, 'data'>>;
  createDataRowAttachment?: Resolver<Maybe<ResolversTypes['AssetAttachment']>, ParentType, ContextType, RequireFields<MutationCreateDataRowAttachmentArgs, 'data'>>;
  createDataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<MutationCreateDatasetArgs, 'data'>>;
  deleteCustomMetadataSchema?: Resolver<ResolversTypes['DeleteCustomMetadataSchemaResult'], ParentType, ContextType, RequireFields<MutationDeleteCustomMetadataSchemaArgs, 'schema'>>;
  deleteDataRowAttachment?: Resolver<Maybe<ResolversTypes['AssetAttachment']>, ParentType, ContextType, RequireFields<MutationDeleteDataRowAttachmentArgs, 'where'>>;
  deleteDataRowCustomMetadata?: Resolver<Array<ResolversTypes['DataRowCustomMetadataBatchResult']>, ParentType, ContextType, Partial<MutationDeleteDataRowCustomMetadataArgs>>;
  deleteDataRows?: Resolver<Maybe<Array<ResolversTypes['DataRow']>>, ParentType, ContextType, RequireFields<MutationDeleteDataRowsArgs, 'where'>>;
  exportDataRowsInCatalog?: Resolver<ResolversTypes['ExportDataRowsInCatalogResult'], ParentType, ContextType, RequireFields<MutationExportDataRowsInCatalogArgs, 'input'>>;
  exportDatasetDataRows?: Resolver<ResolversTypes['DatasetDataRowsExport'], ParentType, ContextType, RequireFields<MutationExportDatasetDataRowsArgs, 'data'>>;
  setSignerForDataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<MutationSetSignerForDatasetArgs, 'data' | 'where'>>;
  updateDataRow?: Resolver<Maybe<ResolversTypes['DataRow']>, ParentType, ContextType, RequireFields<MutationUpdateDataRowArgs, 'data' | 'where'>>;
  updateDataRowAttachment?: Resolver<Maybe<ResolversTypes['AssetAttachment']>, ParentType, ContextType, RequireFields<MutationUpdateDataRowAttachmentArgs, 'data' | 'where'>>;
  updateDataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<MutationUpdateDatasetArgs, 'data' | 'where'>>;
  uploadFile?: Resolver<Maybe<ResolversTypes['UploadedFile']>, ParentType, ContextType, RequireFields<MutationUploadFileArgs, 'contentLength' | 'file'>>;
  upsertCustomMetadataSchema?: Resolver<ResolversTypes['CustomMetadataSchema'], ParentType, ContextType, RequireFields<MutationUpsertCustomMetadataSchemaArgs, 'data'>>;
  upsertDataRowCustomMetadata?: Resolver<Array<ResolversTypes['DataRowCustomMetadataBatchResult']>, ParentType, ContextType, RequireFields<MutationUpsertDataRowCustomMetadataArgs, 'data'>>;
  upsertDataRows?: Resolver<ResolversTypes['Task'], ParentType, ContextType, RequireFields<MutationUpsertDataRowsArgs, 'data'>>;
  validateDataset?: Resolver<ResolversTypes['DatasetValidationResult'], ParentType, ContextType, RequireFields<MutationValidateDatasetArgs, 'where'>>;
}>;

export type OrganizationResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = ResolversObject<{
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  assignGlobalKeysToDataRowsResult?: Resolver<ResolversTypes['AssignGlobalKeysToDataRowsResult'], ParentType, ContextType, RequireFields<QueryAssignGlobalKeysToDataRowsResultArgs, 'jobId'>>;
  clearGlobalKeysResult?: Resolver<ResolversTypes['ClearGlobalKeysResult'], ParentType, ContextType, RequireFields<QueryClearGlobalKeysResultArgs, 'jobId'>>;
  customMetadataOntology?: Resolver<Array<ResolversTypes['CustomMetadataSchema']>, ParentType, ContextType>;
  dataRow?: Resolver<Maybe<ResolversTypes['DataRow']>, ParentType, ContextType, RequireFields<QueryDataRowArgs, 'where'>>;
  dataRowCustomMetadata?: Resolver<Array<ResolversTypes['DataRowCustomMetadataBatchResult']>, ParentType, ContextType, RequireFields<QueryDataRowCustomMetadataArgs, 'where'>>;
  dataRowsForGlobalKeys?: Resolver<ResolversTypes['AsyncJobHandle'], ParentType, ContextType, RequireFields<QueryDataRowsForGlobalKeysArgs, 'where'>>;
  dataRowsForGlobalKeysResult?: Resolver<ResolversTypes['DataRowsForGlobalKeysResult'], ParentType, ContextType, RequireFields<QueryDataRowsForGlobalKeysResultArgs, 'jobId'>>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'where'>>;
  datasetDataRows?: Resolver<ResolversTypes['DatasetDataRowsPage'], ParentType, ContextType, RequireFields<QueryDatasetDataRowsArgs, 'id'>>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType, Partial<QueryDatasetsArgs>>;
  externalIdsToDataRowIds?: Resolver<Array<ResolversTypes['ExternalIdDataRowId']>, ParentType, ContextType, RequireFields<QueryExternalIdsToDataRowIdsArgs, 'externalId_in'>>;
  failedDataRowImports?: Resolver<ResolversTypes['FailedDataRowImportsPage'], ParentType, ContextType, RequireFields<QueryFailedDataRowImportsArgs, 'data'>>;
  iamIntegrations?: Resolver<Array<ResolversTypes['IamIntegration']>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  successesfulDataRowImports?: Resolver<ResolversTypes['SuccessfulDataRowImportsPage'], ParentType, ContextType, RequireFields<QuerySuccessesfulDataRowImportsArgs, 'data'>>;
  task?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, Partial<QueryTaskArgs>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, Partial<QueryUserArgs>>;
}>;

export type SuccessfulDataRowImportsPageResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['SuccessfulDataRowImportsPage'] = ResolversParentTypes['SuccessfulDataRowImportsPage']> = ResolversObject<{
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DataRowImportSuccess']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type TaskResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task']> = ResolversObject<{
  completionPercentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  errors?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exportFileFromOffset?: Resolver<Maybe<ResolversTypes['ExportFileInfo']>, ParentType, ContextType, RequireFields<TaskExportFileFromOffsetArgs, 'offset' | 'streamType'>>;
  exportMetadataHeader?: Resolver<Maybe<ResolversTypes['ExportMetadataHeader']>, ParentType, ContextType, RequireFields<TaskExportMetadataHeaderArgs, 'streamType'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<Maybe<ResolversTypes['Json']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export interface UInt64ScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UInt64'], any> {
  name: 'UInt64';
}

export type UInt64RangeResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['UInt64Range'] = ResolversParentTypes['UInt64Range']> = ResolversObject<{
  end?: Resolver<ResolversTypes['UInt64'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['UInt64'], ParentType, ContextType>;
}>;

export interface UploadScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Upload'], any> {
  name: 'Upload';
}

export type UploadedFileResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['UploadedFile'] = ResolversParentTypes['UploadedFile']> = ResolversObject<{
  filename?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = EmulatorContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdTasks?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType, Partial<UserCreatedTasksArgs>>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intercomHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isAdvEnabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isExternalUser?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isViewer?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nickname?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  picture?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timezone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = EmulatorContext> = ResolversObject<{
  AppendRowsResult?: AppendRowsResultResolvers<ContextType>;
  AppendRowsSyncResult?: AppendRowsSyncResultResolvers<ContextType>;
  AssetAttachment?: AssetAttachmentResolvers<ContextType>;
  AssignGlobalKeysToDataRowsResult?: AssignGlobalKeysToDataRowsResultResolvers<ContextType>;
  AssignGlobalKeysToDataRowsResultData?: AssignGlobalKeysToDataRowsResultDataResolvers<ContextType>;
  AsyncJobHandle?: AsyncJobHandleResolvers<ContextType>;
  AwsIamIntegrationSettings?: AwsIamIntegrationSettingsResolvers<ContextType>;
  ClearGlobalKeysResult?: ClearGlobalKeysResultResolvers<ContextType>;
  ClearGlobalKeysResultData?: ClearGlobalKeysResultDataResolvers<ContextType>;
  CustomMetadataSchema?: CustomMetadataSchemaResolvers<ContextType>;
  DataRow?: DataRowResolvers<ContextType>;
  DataRowCustomMetadataBatchResult?: DataRowCustomMetadataBatchResultResolvers<ContextType>;
  DataRowCustomMetadataField?: DataRowCustomMetadataFieldResolvers<ContextType>;
  DataRowIdOnly?: DataRowIdOnlyResolvers<ContextType>;
  DataRowImportFailure?: DataRowImportFailureResolvers<ContextType>;
  DataRowImportSpec?: DataRowImportSpecResolvers<ContextType>;
  DataRowImportSpecAttachment?: DataRowImportSpecAttachmentResolvers<ContextType>;
  DataRowImportSpecMetadata?: DataRowImportSpecMetadataResolvers<ContextType>;
  DataRowImportSuccess?: DataRowImportSuccessResolvers<ContextType>;
  DataRowMetadataFieldOutput?: DataRowMetadataFieldOutputResolvers<ContextType>;
  DataRowsForGlobalKeysResult?: DataRowsForGlobalKeysResultResolvers<ContextType>;
  DataRowsForGlobalKeysResultData?: DataRowsForGlobalKeysResultDataResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetDataRowsExport?: DatasetDataRowsExportResolvers<ContextType>;
  DatasetDataRowsPage?: DatasetDataRowsPageResolvers<ContextType>;
  DatasetDataRowsPageInfo?: DatasetDataRowsPageInfoResolvers<ContextType>;
  DatasetValidationCheck?: DatasetValidationCheckResolvers<ContextType>;
  DatasetValidationResult?: DatasetValidationResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteCustomMetadataSchemaResult?: DeleteCustomMetadataSchemaResultResolvers<ContextType>;
  ExportDataRowsInCatalogResult?: ExportDataRowsInCatalogResultResolvers<ContextType>;
  ExportFileInfo?: ExportFileInfoResolvers<ContextType>;
  ExportMetadataHeader?: ExportMetadataHeaderResolvers<ContextType>;
  ExternalIdDataRowId?: ExternalIdDataRowIdResolvers<ContextType>;
  FailedDataRowImportsPage?: FailedDataRowImportsPageResolvers<ContextType>;
  GcpIamIntegrationSettings?: GcpIamIntegrationSettingsResolvers<ContextType>;
  GlobalKeyAssignment?: GlobalKeyAssignmentResolvers<ContextType>;
  IamIntegration?: IamIntegrationResolvers<ContextType>;
  IamIntegrationSettings?: IamIntegrationSettingsResolvers<ContextType>;
  Json?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SuccessfulDataRowImportsPage?: SuccessfulDataRowImportsPageResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  UInt64?: GraphQLScalarType;
  UInt64Range?: UInt64RangeResolvers<ContextType>;
  Upload?: GraphQLScalarType;
  UploadedFile?: UploadedFileResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

