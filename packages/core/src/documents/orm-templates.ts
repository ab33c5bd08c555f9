import type { TypedDocumentString } from "../generated/documents.js";
import type {
  GetDataRowAttachmentsPyApiQuery,
  GetDatasetsPyApiQuery,
  GetUserCreatedTasksPyApiQuery,
} from "../generated/operation-types.js";
import { ATTACHMENT_FIELDS, DATASET_FIELDS, ORM_PAGE_SIZE, TASK_FIELDS } from "./selections.js";

// Documents the Python SDK's ORM builds at run time, with literals inlined. Each function
// reproduces the ORM's exact text for its input; tests compare the recorded inputs with
// ../shared/spec/ops byte for byte.

/**
 * `DbObject.update(...)` (ORM `update_fields`): one `String!` variable per field, in the order
 * given, then the TitleCase id variable, e.g. `$DataRowId`.
 */
export function updateFieldsDocument<TResult, TVariables>(
  typeName: "Dataset" | "DataRow",
  fields: readonly string[],
  selection: string,
): TypedDocumentString<TResult, TVariables> {
  const id = `${typeName}Id`;
  const declarations = [...fields.map((f) => `$${f}: String!`), `$${id}: ID!`].join(", ");
  const values = fields.map((f) => `${f}: $${f}`).join(" ");
  return `mutation update${typeName}PyApi(${declarations}){update${typeName}(
        where: {id: $${id}} data: {${values}}) {${selection}}} ` as TypedDocumentString<TResult, TVariables>;
}

/** `client.create_dataset(...)` (ORM `create`): one `String!` variable per field given. */
export function createDatasetDocument<TResult, TVariables>(fields: readonly string[]): TypedDocumentString<TResult, TVariables> {
  const declarations = fields.map((f) => `$${f}: String!`).join(", ");
  const values = fields.map((f) => `${f}: $${f}`).join(" ");
  return `mutation CreateDatasetPyApi(${declarations}){createDataset(data: {${values}}) {${DATASET_FIELDS}}} ` as TypedDocumentString<
    TResult,
    TVariables
  >;
}

/** Variables of {@link datasetsDocument}: the name filter (if any) is `param_0`, `deleted: false` the last. */
export type DatasetsVariables = { param_0: string; param_1: boolean } | { param_0: boolean };

/**
 * `client.get_datasets(where=...)`: the ORM always adds `deleted == false` after the caller's
 * filter, and pages with `skip: <n> first: 100` literals.
 */
export function datasetsDocument(byName: boolean, skip: number): TypedDocumentString<GetDatasetsPyApiQuery, DatasetsVariables> {
  const head = byName
    ? "query GetDatasetsPyApi($param_0: String!, $param_1: Boolean!){datasets(where: {AND: [{name: $param_0}, {deleted: $param_1}]}"
    : "query GetDatasetsPyApi($param_0: Boolean!){datasets(where: {deleted: $param_0}";
  return `${head} skip: ${skip} first: ${ORM_PAGE_SIZE}){${DATASET_FIELDS}}}` as TypedDocumentString<GetDatasetsPyApiQuery, DatasetsVariables>;
}

/** `data_row.attachments()`: an ORM relationship paged with `skip`/`first` literals. */
export function dataRowAttachmentsDocument(skip: number): TypedDocumentString<GetDataRowAttachmentsPyApiQuery, { param_0: string }> {
  return `query GetDataRowAttachmentsPyApi($param_0: ID!){dataRow(where: {id: $param_0}){attachments(skip: ${skip} first: ${ORM_PAGE_SIZE}){${ATTACHMENT_FIELDS}}}}` as TypedDocumentString<
    GetDataRowAttachmentsPyApiQuery,
    { param_0: string }
  >;
}

/**
 * `Task.refresh()`: `user.created_tasks(where=Task.uid == id)`. `param_0` is the task id and
 * `param_1` the user id, because the ORM formats the inner filter first.
 */
export const refreshTaskDocument = `query GetUserCreatedTasksPyApi($param_0: ID!, $param_1: ID!){user(where: {id: $param_1}){createdTasks(where: {id: $param_0} skip: 0 first: ${ORM_PAGE_SIZE}){${TASK_FIELDS}}}}` as TypedDocumentString<
  GetUserCreatedTasksPyApiQuery,
  { param_0: string; param_1: string }
>;

/** Result of {@link deleteDataRowsDocument}. */
export interface DeleteDataRowsResult {
  deleteDataRows: Array<{ id: string }> | null;
}

/**
 * `DataRow.bulk_delete(rows)`: the ids are inlined as a Python `json.dumps` list (", " between
 * items, non-ASCII escaped), with no variables. Escaping also keeps an id from breaking out of
 * its string literal.
 */
export function deleteDataRowsDocument(ids: readonly string[]): TypedDocumentString<DeleteDataRowsResult, Record<string, never>> {
  const list = ids.map(pythonJsonString).join(", ");
  return `mutation deleteDataRowsPyApi{deleteDataRows(where: {dataRowIds: [${list}]}){id}}` as TypedDocumentString<
    DeleteDataRowsResult,
    Record<string, never>
  >;
}

/** A string as Python's `json.dumps` writes it (ensure_ascii): only printable ASCII stays literal. */
export function pythonJsonString(value: string): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
