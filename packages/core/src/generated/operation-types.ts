/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Real name. The SDK camelCases each user dict (data_row_id -> dataRowId). */
export type AssignGlobalKeyToDataRowInput = {
  dataRowId: string | number;
  globalKey: string;
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

/** Real name (from `$attachments: [DataRowAttachmentInput!]`). */
export type DataRowAttachmentInput = {
  name?: string | null | undefined;
  type: AttachmentType;
  value: string;
};

/** Real name. SDK <= 3.45: {dataRowId, fields}. SDK >= 3.46: {dataRowId?, globalKey?, fields}. */
export type DataRowCustomMetadataBatchUpsertInput = {
  dataRowId?: string | number | null | undefined;
  fields: Array<DataRowCustomMetadataUpsertInput>;
  globalKey?: string | null | undefined;
};

/** Real name (SDK >= 3.59). */
export type DataRowCustomMetadataDataRowIdentifiersInput = {
  idType: IdType;
  ids: Array<string | number>;
};

/**
 * Real name (from `$metadata_fields: [DataRowCustomMetadataUpsertInput!]`).
 * value: a string (String kind, <= 4096 chars in SDK >= 3.42), a number
 * (Number kind), an ISO datetime string (DateTime kind), {} (the enum parent
 * and the chosen option each sent as their own entry), or a list of 128 floats
 * (Embedding kind).
 */
export type DataRowCustomMetadataUpsertInput = {
  schemaId: string | number;
  value?: unknown;
};

/** Real name (SDK >= 3.59). */
export type DataRowIdentifierCustomMetadataBatchDeleteInput = {
  dataRowIdentifier: DataRowIdentifierInput;
  schemaIds: Array<string | number>;
};

export type DataRowIdentifierInput = {
  id: string | number;
  idType: IdType;
};

/**
 * Real name (cursor pagination filter, SDK >= 3.50). The SDK sends exactly one
 * key: graphqlName + suffix ("", _not, _lt, _gt, _lte, _gte),
 * e.g. {"externalId": "abc"}.
 */
export type DatasetDataRowWhereInput = {
  createdAt?: string | null | undefined;
  createdAt_gt?: string | null | undefined;
  createdAt_gte?: string | null | undefined;
  createdAt_lt?: string | null | undefined;
  createdAt_lte?: string | null | undefined;
  externalId?: string | null | undefined;
  externalId_not?: string | null | undefined;
  globalKey?: string | null | undefined;
  globalKey_not?: string | null | undefined;
  id?: string | number | null | undefined;
  id_not?: string | number | null | undefined;
  rowData?: string | null | undefined;
  rowData_not?: string | null | undefined;
  updatedAt?: string | null | undefined;
  updatedAt_gt?: string | null | undefined;
  updatedAt_gte?: string | null | undefined;
  updatedAt_lt?: string | null | undefined;
  updatedAt_lte?: string | null | undefined;
};

/** Real name. Fields from the variables the SDK sends. */
export type ExportDataRowsInCatalogInput = {
  filters: ExportFiltersInput;
  /** SDK >= 3.67 */
  isStreamableReady?: boolean | null | undefined;
  params: ExportParamsInput;
  /** SDK >= 3.56 */
  streamable?: boolean | null | undefined;
  taskName?: string | null | undefined;
};

export type ExportFiltersInput = {
  searchQuery: SearchQueryInput;
};

export type ExportParamsInput = {
  allModelRuns?: boolean | null | undefined;
  allProjects?: boolean | null | undefined;
  includeAttachments?: boolean | null | undefined;
  includeDataRowDetails?: boolean | null | undefined;
  includeEmbeddings?: boolean | null | undefined;
  includeInterpolatedFrames?: boolean | null | undefined;
  includeLabelDetails?: boolean | null | undefined;
  includeMetadata?: boolean | null | undefined;
  includePerformanceDetails?: boolean | null | undefined;
  includePredictions?: boolean | null | undefined;
  includeProjectDetails?: boolean | null | undefined;
  mediaTypeOverride?: MediaType | null | undefined;
  modelRunIds?: Array<string | number> | null | undefined;
  projectIds?: Array<string | number> | null | undefined;
};

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

export type SearchQueryInput = {
  /** List of search filter clauses, e.g. {"ids": [datasetId], "operator": "is", "type": "dataset"}. */
  query?: Array<unknown> | null | undefined;
  scope?: unknown;
};

/** Stream selector for streamable export tasks (SDK >= 3.56). */
export type TaskStreamType =
  | 'ERRORS'
  | 'RESULT';

export type UpsertCustomMetadataSchemaEnumOptionInput = {
  id?: string | number | null | undefined;
  kind: CustomMetadataKind;
  name: string;
};

/** Real name. */
export type UpsertCustomMetadataSchemaInput = {
  /** absent = create, present = update */
  id?: string | number | null | undefined;
  kind: CustomMetadataKind;
  name: string;
  options?: Array<UpsertCustomMetadataSchemaEnumOptionInput> | null | undefined;
};

/**
 * Selects one object by id: `{id: ...}`. The name is real: the SDK
 * declares it in `$where: WhereUniqueIdInput` (task, deleteCustomMetadataSchema).
 */
export type WhereUniqueIdInput = {
  id: string | number;
};

export type CreateDataRowAttachmentPyApiMutationVariables = Exact<{
  type: AttachmentType;
  value: string;
  name?: string | null | undefined;
  dataRowId: string | number;
}>;


export type CreateDataRowAttachmentPyApiMutation = { createDataRowAttachment: { name: string | null, type: AttachmentType, value: string, id: string } | null };

export type CreateDataRowPyApiMutationVariables = Exact<{
  row_data: string;
  metadata_fields?: Array<DataRowCustomMetadataUpsertInput> | DataRowCustomMetadataUpsertInput | null | undefined;
  attachments?: Array<DataRowAttachmentInput> | DataRowAttachmentInput | null | undefined;
  media_type?: MediaType | null | undefined;
  external_id?: string | null | undefined;
  global_key?: string | null | undefined;
  dataset: string | number;
}>;


export type CreateDataRowPyApiMutation = { createDataRow: { createdAt: string | null, externalId: string | null, globalKey: string | null, mediaAttributes: unknown, rowData: string | null, id: string, updatedAt: string | null, customMetadata: Array<{ schemaId: string, value: unknown }>, metadataFields: Array<{ schemaId: string, name: string | null, value: unknown, kind: CustomMetadataKind | null }> | null } | null };

export type CreateDatasetPyApiMutationVariables = Exact<{
  name: string;
}>;


export type CreateDatasetPyApiMutation = { createDataset: { createdAt: string | null, description: string | null, name: string | null, rowCount: number | null, id: string, updatedAt: string | null } | null };

export type CurrentUserPyApiQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserPyApiQuery = { user: { timezone: string | null } | null };

export type DatasetDataRowsPyApiQueryVariables = Exact<{
  id: string | number;
  from?: string | number | null | undefined;
  first?: number | null | undefined;
  where?: DatasetDataRowWhereInput | null | undefined;
}>;


export type DatasetDataRowsPyApiQuery = { datasetDataRows: { nodes: Array<{ createdAt: string | null, externalId: string | null, globalKey: string | null, mediaAttributes: unknown, rowData: string | null, id: string, updatedAt: string | null, customMetadata: Array<{ schemaId: string, value: unknown }>, metadataFields: Array<{ schemaId: string, name: string | null, value: unknown, kind: CustomMetadataKind | null }> | null }>, pageInfo: { hasNextPage: boolean | null, startCursor: string | null } } };

export type DeleteCustomMetadataSchemaPyApiMutationVariables = Exact<{
  where: WhereUniqueIdInput;
}>;


export type DeleteCustomMetadataSchemaPyApiMutation = { deleteCustomMetadataSchema: { success: boolean } };

export type DeleteDataRowMetadataBetaPyApiMutationVariables = Exact<{
  deletes?: Array<DataRowIdentifierCustomMetadataBatchDeleteInput> | DataRowIdentifierCustomMetadataBatchDeleteInput | null | undefined;
}>;


export type DeleteDataRowMetadataBetaPyApiMutation = { deleteDataRowCustomMetadata: Array<{ dataRowId: string | null, error: string | null, fields: Array<{ value: unknown, schemaId: string }> }> };

export type FailedDataRowImportsPyApiQueryVariables = Exact<{
  taskId: string | number;
  first?: number | null | undefined;
  from?: string | null | undefined;
}>;


export type FailedDataRowImportsPyApiQuery = { failedDataRowImports: { after: string | null, total: number | null, results: Array<{ message: string | null, spec: { externalId: string | null, globalKey: string | null, rowData: string | null, metadata: Array<{ schemaId: string | null, value: unknown, name: string | null }> | null, attachments: Array<{ type: AttachmentType | null, value: string | null, name: string | null }> | null } | null }> } };

export type GetDataRowAttachmentsPyApiQueryVariables = Exact<{
  param_0: string | number;
}>;


export type GetDataRowAttachmentsPyApiQuery = { dataRow: { attachments: Array<{ name: string | null, type: AttachmentType, value: string, id: string }> } | null };

export type GetDataRowPyApiQueryVariables = Exact<{
  param_0: string | number;
}>;


export type GetDataRowPyApiQuery = { dataRow: { createdAt: string | null, externalId: string | null, globalKey: string | null, mediaAttributes: unknown, rowData: string | null, id: string, updatedAt: string | null, customMetadata: Array<{ schemaId: string, value: unknown }>, metadataFields: Array<{ schemaId: string, name: string | null, value: unknown, kind: CustomMetadataKind | null }> | null } | null };

export type GetDatasetPyApiQueryVariables = Exact<{
  param_0: string | number;
}>;


export type GetDatasetPyApiQuery = { dataset: { createdAt: string | null, description: string | null, name: string | null, rowCount: number | null, id: string, updatedAt: string | null } | null };

export type GetDatasetsPyApiQueryVariables = Exact<{
  param_0: string;
  param_1: boolean;
}>;


export type GetDatasetsPyApiQuery = { datasets: Array<{ createdAt: string | null, description: string | null, name: string | null, rowCount: number | null, id: string, updatedAt: string | null }> };

export type GetExportFileFromOffsetPyApiQueryVariables = Exact<{
  where?: WhereUniqueIdInput | null | undefined;
  streamType: TaskStreamType;
  offset: string | number;
}>;


export type GetExportFileFromOffsetPyApiQuery = { task: { exportFileFromOffset: { file: string, offsets: { start: string | number, end: string | number }, lines: { start: string | number, end: string | number } } | null } | null };

export type GetExportMetadataHeaderPyApiQueryVariables = Exact<{
  where?: WhereUniqueIdInput | null | undefined;
  streamType: TaskStreamType;
}>;


export type GetExportMetadataHeaderPyApiQuery = { task: { exportMetadataHeader: { totalSize: string | number | null, totalLines: string | number | null } | null } | null };

export type GetMetadataOntologyBetaPyApiQueryVariables = Exact<{ [key: string]: never; }>;


export type GetMetadataOntologyBetaPyApiQuery = { customMetadataOntology: Array<{ id: string, name: string, kind: CustomMetadataKind, reserved: boolean | null, options: Array<{ id: string, kind: CustomMetadataKind, name: string, reserved: boolean | null }> | null }> };

export type GetOrganizationPyApiQueryVariables = Exact<{ [key: string]: never; }>;


export type GetOrganizationPyApiQuery = { organization: { createdAt: string | null, name: string | null, id: string, updatedAt: string | null } | null };

export type GetUserCreatedTasksPyApiQueryVariables = Exact<{
  userId: string | number;
  taskId: string | number;
}>;


export type GetUserCreatedTasksPyApiQuery = { user: { createdTasks: Array<{ completionPercentage: number | null, createdAt: string | null, errors: string | null, metadata: unknown, name: string | null, result: string | null, status: string, type: string | null, id: string, updatedAt: string | null }> } | null };

export type GetUserPyApiQueryVariables = Exact<{ [key: string]: never; }>;


export type GetUserPyApiQuery = { user: { createdAt: string | null, email: string | null, intercomHash: string | null, isExternalUser: boolean | null, isViewer: boolean | null, nickname: string | null, name: string | null, picture: string | null, id: string, updatedAt: string | null } | null };

export type IsAdvEnabledPyApiQueryVariables = Exact<{ [key: string]: never; }>;


export type IsAdvEnabledPyApiQuery = { user: { isAdvEnabled: boolean | null } | null };

export type SuccessesfulDataRowImportsPyApiQueryVariables = Exact<{
  taskId: string | number;
  first?: number | null | undefined;
  from?: string | null | undefined;
}>;


export type SuccessesfulDataRowImportsPyApiQuery = { successesfulDataRowImports: { after: string | null, total: number | null, nodes: Array<{ id: string, externalId: string | null, globalKey: string | null, rowData: string | null }> } };

export type UploadFileMutationVariables = Exact<{
  file: unknown;
  contentLength: number;
  sign?: boolean | null | undefined;
}>;


export type UploadFileMutation = { uploadFile: { url: string, filename: string | null } | null };

export type UpsertCustomMetadataSchemaPyApiMutationVariables = Exact<{
  data: UpsertCustomMetadataSchemaInput;
}>;


export type UpsertCustomMetadataSchemaPyApiMutation = { upsertCustomMetadataSchema: { id: string, name: string, kind: CustomMetadataKind, options: Array<{ id: string, name: string, kind: CustomMetadataKind }> | null } };

export type UpsertDataRowMetadataBetaPyApiMutationVariables = Exact<{
  metadata: Array<DataRowCustomMetadataBatchUpsertInput> | DataRowCustomMetadataBatchUpsertInput;
}>;


export type UpsertDataRowMetadataBetaPyApiMutation = { upsertDataRowCustomMetadata: Array<{ globalKey: string | null, dataRowId: string | null, error: string | null, fields: Array<{ value: unknown, schemaId: string }> }> };

export type UpsertDataRowsPyApiMutationVariables = Exact<{
  manifestUri: string;
}>;


export type UpsertDataRowsPyApiMutation = { upsertDataRows: { id: string, createdAt: string | null, updatedAt: string | null, name: string | null, status: string, completionPercentage: number | null, result: string | null, errors: string | null, type: string | null, metadata: unknown } };

export type AssignGlobalKeysToDataRowsPyApiMutationVariables = Exact<{
  globalKeyDataRowLinks: Array<AssignGlobalKeyToDataRowInput> | AssignGlobalKeyToDataRowInput;
}>;


export type AssignGlobalKeysToDataRowsPyApiMutation = { assignGlobalKeysToDataRows: { jobId: string } };

export type AssignGlobalKeysToDataRowsResultPyApiQueryVariables = Exact<{
  jobId: string | number;
}>;


export type AssignGlobalKeysToDataRowsResultPyApiQuery = { assignGlobalKeysToDataRowsResult: { jobStatus: string, data: { sanitizedAssignments: Array<{ dataRowId: string, globalKey: string }>, invalidGlobalKeyAssignments: Array<{ dataRowId: string, globalKey: string }>, unmodifiedAssignments: Array<{ dataRowId: string, globalKey: string }>, accessDeniedAssignments: Array<{ dataRowId: string, globalKey: string }> } | null } };

export type ClearGlobalKeysPyApiMutationVariables = Exact<{
  globalKeys: Array<string | number> | string | number;
}>;


export type ClearGlobalKeysPyApiMutation = { clearGlobalKeys: { jobId: string } };

export type ClearGlobalKeysResultPyApiQueryVariables = Exact<{
  jobId: string | number;
}>;


export type ClearGlobalKeysResultPyApiQuery = { clearGlobalKeysResult: { jobStatus: string, data: { clearedGlobalKeys: Array<string>, failedToClearGlobalKeys: Array<string>, notFoundGlobalKeys: Array<string>, accessDeniedGlobalKeys: Array<string> } | null } };

export type DataRowCustomMetadataPyApiQueryVariables = Exact<{
  dataRowIdentifiers?: DataRowCustomMetadataDataRowIdentifiersInput | null | undefined;
}>;


export type DataRowCustomMetadataPyApiQuery = { dataRowCustomMetadata: Array<{ dataRowId: string | null, globalKey: string | null, fields: Array<{ value: unknown, schemaId: string }> }> };

export type DeleteDataRowAttachmentPyApiMutationVariables = Exact<{
  attachment_id: string | number;
}>;


export type DeleteDataRowAttachmentPyApiMutation = { deleteDataRowAttachment: { id: string } | null };

export type DeleteDatasetPyApiMutationVariables = Exact<{
  DatasetId: string | number;
}>;


export type DeleteDatasetPyApiMutation = { updateDataset: { id: string } | null };

export type ExportDataRowsInCatalogPyApiMutationVariables = Exact<{
  input: ExportDataRowsInCatalogInput;
}>;


export type ExportDataRowsInCatalogPyApiMutation = { exportDataRowsInCatalog: { taskId: string, isStreamable: boolean | null } };

export type ExternalIdsToDataRowIdsPyApiQueryVariables = Exact<{
  externalId_in: Array<string> | string;
}>;


export type ExternalIdsToDataRowIdsPyApiQuery = { externalIdsToDataRowIds: Array<{ dataRowId: string, externalId: string | null }> };

export type GetAllIntegrationsPyApiQueryVariables = Exact<{ [key: string]: never; }>;


export type GetAllIntegrationsPyApiQuery = { iamIntegrations: Array<{ createdAt: string | null, isOrgDefault: boolean, lastValidAt: string | null, name: string | null, provider: string | null, id: string, updatedAt: string | null, valid: boolean, settings:
      | { __typename: 'AwsIamIntegrationSettings', roleArn: string | null }
      | { __typename: 'GcpIamIntegrationSettings', serviceAccountEmailId: string | null, readBucket: string | null }
     | null }> };

export type GetDataRowsForGlobalKeysPyApiQueryVariables = Exact<{
  globalKeys: Array<string | number> | string | number;
}>;


export type GetDataRowsForGlobalKeysPyApiQuery = { dataRowsForGlobalKeys: { jobId: string } };

export type GetDataRowsForGlobalKeysResultPyApiQueryVariables = Exact<{
  jobId: string | number;
}>;


export type GetDataRowsForGlobalKeysResultPyApiQuery = { dataRowsForGlobalKeysResult: { jobStatus: string, data: { notFoundGlobalKeys: Array<string>, accessDeniedGlobalKeys: Array<string>, fetchedDataRows: Array<{ id: string }> } | null } };

export type SetSignerForDatasetPyApiMutationVariables = Exact<{
  signerId: string | number;
  datasetId: string | number;
}>;


export type SetSignerForDatasetPyApiMutation = { setSignerForDataset: { id: string } | null };

export type UpdateDataRowAttachmentPyApiMutationVariables = Exact<{
  attachment_id: string | number;
  name?: string | null | undefined;
  type?: AttachmentType | null | undefined;
  value?: string | null | undefined;
}>;


export type UpdateDataRowAttachmentPyApiMutation = { updateDataRowAttachment: { id: string, name: string | null, type: AttachmentType, value: string } | null };

export type UpdateDataRowPyApiMutationVariables = Exact<{
  rowData: string;
  globalKey: string;
  externalId: string;
  DataRowId: string | number;
}>;


export type UpdateDataRowPyApiMutation = { updateDataRow: { createdAt: string | null, externalId: string | null, globalKey: string | null, mediaAttributes: unknown, rowData: string | null, id: string, updatedAt: string | null, customMetadata: Array<{ schemaId: string, value: unknown }>, metadataFields: Array<{ schemaId: string, name: string | null, value: unknown, kind: CustomMetadataKind | null }> | null } | null };

export type UpdateDatasetPyApiMutationVariables = Exact<{
  name: string;
  description: string;
  DatasetId: string | number;
}>;


export type UpdateDatasetPyApiMutation = { updateDataset: { createdAt: string | null, description: string | null, name: string | null, rowCount: number | null, id: string, updatedAt: string | null } | null };

export type ValidateDatasetPyApiMutationVariables = Exact<{
  id: string | number;
}>;


export type ValidateDatasetPyApiMutation = { validateDataset: { valid: boolean, checks: Array<{ name: string | null, success: boolean | null }> } };
