import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError, ValidationError } from "../errors/classes.js";
import { DeleteCustomMetadataSchemaPyApiDocument, UpsertCustomMetadataSchemaPyApiDocument } from "../generated/documents.js";
import type { UpsertCustomMetadataSchemaInput, UpsertCustomMetadataSchemaPyApiMutation } from "../generated/operation-types.js";
import { checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import { findMetadataSchema, getMetadataOntology, type MetadataKind, type MetadataSchema } from "./ontology.js";

/** Kinds a custom field can have (an enum option is not a field). */
export type MetadataFieldKind = Exclude<MetadataKind, "CustomMetadataEnumOption">;

export interface CreateMetadataSchemaInput {
  readonly name: string;
  readonly kind: MetadataFieldKind;
  /** Option names, for `CustomMetadataEnum` only. */
  readonly options?: readonly string[];
}

const KINDS: readonly MetadataFieldKind[] = [
  "CustomMetadataString",
  "CustomMetadataNumber",
  "CustomMetadataDateTime",
  "CustomMetadataEnum",
  "CustomMetadataEmbedding",
];

/** Python `mdo.create_schema(name, kind, options)`; refreshes the client's cached ontology. */
export async function createMetadataSchema(client: LbxClient, input: CreateMetadataSchemaInput, options: CallOptions = {}): Promise<MetadataSchema> {
  const issues: Issues = [];
  checkSchemaName(input?.name, "name", issues);
  if (!KINDS.includes(input?.kind)) issues.push({ path: "kind", message: `must be one of ${KINDS.join(", ")}, got ${describe(input?.kind)}` });
  if (input?.kind === "CustomMetadataEnum") checkOptionNames(input.options, "options", issues);
  else if (input?.options !== undefined) issues.push({ path: "options", message: "only an enum field has options" });
  throwIfIssues("createMetadataSchema", issues);
  const data: UpsertCustomMetadataSchemaInput = { name: input.name, kind: input.kind };
  if (input.options) data.options = input.options.map((name) => ({ name, kind: "CustomMetadataEnumOption" }));
  return upsertSchema(client, data, options, false);
}

/** Python `mdo.update_schema(name, new_name)`: renames a custom field, keeping its kind and options. */
export async function updateMetadataSchema(client: LbxClient, schemaIdOrName: string, input: { readonly name: string }, options: CallOptions = {}): Promise<MetadataSchema> {
  const issues: Issues = [];
  checkSchemaName(input?.name, "name", issues);
  throwIfIssues("updateMetadataSchema", issues);
  const schema = await customSchema(client, schemaIdOrName, options);
  return upsertSchema(client, wireForm(schema, { name: input.name }), options, true);
}

/** Python `mdo.update_enum_option(name, option, new_option)`: renames one option of a custom enum. */
export async function updateMetadataEnumOption(
  client: LbxClient,
  schemaIdOrName: string,
  option: string,
  newName: string,
  options: CallOptions = {},
): Promise<MetadataSchema> {
  const issues: Issues = [];
  checkNonEmptyString(newName, "newName", issues);
  throwIfIssues("updateMetadataEnumOption", issues);
  const schema = await customSchema(client, schemaIdOrName, options);
  if (!schema.optionsByName[option]) {
    throw new ValidationError(`${schema.name} has no option ${JSON.stringify(option)}`, [{ path: "option", message: "unknown option" }]);
  }
  return upsertSchema(client, wireForm(schema, { rename: [option, newName] }), options, true);
}

/** Python `mdo.delete_schema(name)`; returns whether the server deleted it. */
export async function deleteMetadataSchema(client: LbxClient, schemaIdOrName: string, options: CallOptions = {}): Promise<boolean> {
  const schema = await customSchema(client, schemaIdOrName, options);
  const data = await execute(client, DeleteCustomMetadataSchemaPyApiDocument, { where: { id: schema.id } }, options, true);
  await getMetadataOntology(client, { ...options, refresh: true });
  return data.deleteCustomMetadataSchema.success;
}

async function upsertSchema(client: LbxClient, data: UpsertCustomMetadataSchemaInput, options: CallOptions, idempotent: boolean): Promise<MetadataSchema> {
  // An update names its id and is safe to repeat; a create (no id) is not.
  const result: UpsertCustomMetadataSchemaPyApiMutation = await execute(client, UpsertCustomMetadataSchemaPyApiDocument, { data }, options, idempotent);
  const ontology = await getMetadataOntology(client, { ...options, refresh: true });
  const fresh = ontology.fieldsById.get(result.upsertCustomMetadataSchema.id);
  if (fresh) return fresh;
  const s = result.upsertCustomMetadataSchema;
  const opts = (s.options ?? []).map((o): MetadataSchema => ({ ...o, reserved: false, parent: s.id, options: [], optionsByName: {} }));
  return { id: s.id, name: s.name, kind: s.kind, reserved: false, options: opts, optionsByName: Object.fromEntries(opts.map((o) => [o.name, o])) };
}

async function customSchema(client: LbxClient, idOrName: string, options: CallOptions): Promise<MetadataSchema> {
  let ontology = await getMetadataOntology(client, options);
  let schema = ontology.fieldsById.get(idOrName) ?? ontology.customByName[idOrName];
  if (!schema) {
    ontology = await getMetadataOntology(client, { ...options, refresh: true });
    schema = findMetadataSchema(ontology, idOrName);
  }
  if (!schema || schema.kind === "CustomMetadataEnumOption") throw new NotFoundError(`No custom metadata field ${JSON.stringify(idOrName)}`);
  if (schema.reserved) throw new ValidationError(`${schema.name} is a reserved field and cannot be changed`, [{ path: "schema", message: "reserved" }]);
  return schema;
}

function wireForm(schema: MetadataSchema, change: { name?: string; rename?: [string, string] }): UpsertCustomMetadataSchemaInput {
  const data: UpsertCustomMetadataSchemaInput = { id: schema.id, name: change.name ?? schema.name, kind: schema.kind };
  if (schema.kind === "CustomMetadataEnum") {
    data.options = schema.options.map((o) => ({ id: o.id, name: change.rename?.[0] === o.name ? change.rename[1] : o.name, kind: o.kind }));
  }
  return data;
}

function checkSchemaName(value: unknown, path: string, issues: Issues): void {
  if (checkNonEmptyString(value, path, issues) && value.length > 100) issues.push({ path, message: `must be at most 100 characters, got ${value.length}` });
}

function checkOptionNames(value: unknown, path: string, issues: Issues): void {
  if (!Array.isArray(value) || value.length === 0) return void issues.push({ path, message: "an enum field needs at least one option name" });
  const seen = new Set<string>();
  value.forEach((name: unknown, i) => {
    if (!checkNonEmptyString(name, `${path}[${i}]`, issues)) return;
    if (seen.has(name)) issues.push({ path: `${path}[${i}]`, message: `duplicate option ${JSON.stringify(name)}` });
    seen.add(name);
  });
}
