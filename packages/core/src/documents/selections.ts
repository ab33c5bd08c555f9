// Selection sets exactly as the Python SDK's ORM writes them (alphabetical by Python attribute
// name, which is why `id` sits between `rowData` and `updatedAt`). Spec §2.

/** DataRow fields, spec §2. */
export const DATA_ROW_FIELDS =
  "createdAt externalId globalKey mediaAttributes customMetadata { schemaId value } metadataFields { schemaId name value kind } rowData id updatedAt";
/** Dataset fields, spec §2. */
export const DATASET_FIELDS = "createdAt description name rowCount id updatedAt";
/** Task fields as SDK >= 3.58 selects them. */
export const TASK_FIELDS = "completionPercentage createdAt errors metadata name result status type id updatedAt";
/** AssetAttachment fields as SDK >= 3.66 selects them. */
export const ATTACHMENT_FIELDS = "name type value id";
/** The ORM's page size for offset-paginated relationships. */
export const ORM_PAGE_SIZE = 100;
