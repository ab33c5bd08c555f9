// @lbx/core: the typed Labelbox client. Every operation is a standalone function taking the
// client first, so a bundle keeps only what it imports; `Client` and the entity classes are a
// Python-style facade built on the same functions.

export { createClient, DEFAULT_ENDPOINT } from "./client/client.js";
export { createClientWithTransport } from "./client/client-with-transport.js";
export type { ClientCache, ClientOptions, LbxClient, PollingOptions } from "./client/client.js";
export { execute } from "./client/request.js";
export type { CallOptions } from "./client/request.js";
export { Client } from "./client/client-class.js";

export * from "./errors/index.js";

export { createDataset } from "./datasets/create-dataset.js";
export type { CreateDatasetInput } from "./datasets/create-dataset.js";
export { getDataset } from "./datasets/get-dataset.js";
export { getDatasets } from "./datasets/get-datasets.js";
export type { GetDatasetsOptions } from "./datasets/get-datasets.js";
export { updateDataset } from "./datasets/update-dataset.js";
export type { UpdateDatasetInput } from "./datasets/update-dataset.js";
export { deleteDataset } from "./datasets/delete-dataset.js";
export { getIamIntegrations } from "./datasets/iam-integrations.js";
export type { IamIntegrationRecord } from "./datasets/iam-integrations.js";
export type { DatasetRecord } from "./datasets/dataset-record.js";

export { createDataRow } from "./data-rows/create-data-row.js";
export { createDataRowClassic } from "./data-rows/create-data-row-classic.js";
export type { ClassicDataRowInput } from "./data-rows/create-data-row-classic.js";
export type { CreateDataRowOptions } from "./data-rows/create-data-row.js";
export type { DataRowFieldsInput, DataRowInput } from "./data-rows/validate-data-row.js";
export { checkDataRowInput } from "./data-rows/validate-data-row.js";
export { getDataRow } from "./data-rows/get-data-row.js";
export { updateDataRow } from "./data-rows/update-data-row.js";
export type { UpdateDataRowInput } from "./data-rows/update-data-row.js";
export { deleteDataRow, deleteDataRows, MAX_DELETE_PER_CALL } from "./data-rows/delete-data-rows.js";
export type { DeleteDataRowsOptions } from "./data-rows/delete-data-rows.js";
export { iterateDataRows, DATA_ROWS_PAGE_SIZE } from "./data-rows/iterate-data-rows.js";
export type { IterateDataRowsOptions } from "./data-rows/iterate-data-rows.js";
export { dataRowForExternalId, dataRowsForExternalId, getDataRowIdsForExternalIds } from "./data-rows/external-ids.js";
export { startUpsertTask } from "./data-rows/upsert-task.js";
export type { UpsertItem, UpsertKey, UpsertPayload } from "./data-rows/upsert-task.js";
export type { DataRowMetadataField, DataRowRecord } from "./data-rows/data-row-record.js";

export { createAttachment } from "./attachments/create-attachment.js";
export { getAttachments } from "./attachments/get-attachments.js";
export { updateAttachment } from "./attachments/update-attachment.js";
export type { UpdateAttachmentInput } from "./attachments/update-attachment.js";
export { deleteAttachment } from "./attachments/delete-attachment.js";
export type { AttachmentRecord } from "./attachments/attachment-record.js";

export { getDataRowByGlobalKey, getDataRowIdsForGlobalKeys } from "./global-keys/lookup.js";
export type { GlobalKeyLookupResult } from "./global-keys/lookup.js";
export { assignGlobalKeysToDataRows } from "./global-keys/assign.js";
export type { AssignGlobalKeysResult, GlobalKeyAssignment } from "./global-keys/assign.js";
export { clearGlobalKeys } from "./global-keys/clear.js";
export type { ClearGlobalKeysResult } from "./global-keys/clear.js";
export { GLOBAL_KEYS_PER_JOB } from "./global-keys/run-job.js";
export type { GlobalKeyJobOptions, JobStatus } from "./global-keys/run-job.js";

export { buildOntology, findMetadataSchema, getMetadataOntology } from "./metadata/ontology.js";
export type { MetadataKind, MetadataOntology, MetadataSchema, ReservedByName } from "./metadata/ontology.js";
export { METADATA_EMBEDDING_LENGTH, METADATA_STRING_MAX, serializeMetadata, unknownSchemaRefs } from "./metadata/serialize.js";
export { resolveMetadataFields } from "./metadata/resolve.js";
export type { ResolvedMetadataFields } from "./metadata/resolved-fields.js";
export type { MetadataFieldInput, MetadataValueInput } from "./metadata/serialize.js";
export { createMetadataSchema, deleteMetadataSchema, updateMetadataEnumOption, updateMetadataSchema } from "./metadata/schemas.js";
export type { CreateMetadataSchemaInput, MetadataFieldKind } from "./metadata/schemas.js";
export { deleteDataRowMetadata, exportDataRowMetadata, METADATA_BATCH_SIZE, upsertDataRowMetadata } from "./metadata/row-metadata.js";
export type { DataRowIdentifier, DataRowMetadata, ExportedMetadataField, MetadataDeleteFailure, MetadataUpsertFailure } from "./metadata/row-metadata.js";

export { getTask } from "./tasks/task.js";
export type { TaskRecord } from "./tasks/task.js";
export { waitForTask } from "./tasks/wait-for-task.js";
export { finishEstimateMs } from "./util/poll.js";
export type { WaitForTaskOptions } from "./tasks/wait-for-task.js";
export { taskFailures, taskSuccesses, TASK_RESULTS_PAGE_SIZE } from "./tasks/task-results.js";
export type { TaskFailure, TaskSuccess } from "./tasks/task-results.js";
export { getOrganization, getUser } from "./tasks/user.js";
export type { OrganizationRecord, UserRecord } from "./tasks/user.js";

export { uploadFile } from "./uploads/upload-file.js";
export type { UploadOptions } from "./uploads/upload-file.js";

export { ATTACHMENT_TYPES, checkAttachment } from "./validation/attachment.js";
export type { AttachmentInput, AttachmentTypeInput, KnownAttachmentType } from "./validation/attachment.js";
export { checkGlobalKey, GLOBAL_KEY_MAX_LENGTH } from "./validation/global-key.js";
export { MAX_UPLOAD_BYTES } from "./validation/row-data.js";
export type { RowDataInput, RowDataReference } from "./validation/row-data.js";
export type { Issues } from "./validation/issues.js";

export type { Paginated } from "./util/paginated.js";
export type { Clock } from "./util/clock.js";

export { Attachment } from "./entities/attachment.js";
export { DataRow } from "./entities/data-row.js";
export { Dataset } from "./entities/dataset.js";
export { DataRowMetadataOntology } from "./entities/metadata-ontology.js";

export * from "./generated/documents.js";
export type * from "./generated/operation-types.js";
