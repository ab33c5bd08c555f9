import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";
import {
  type DataRowIdentifier,
  deleteDataRowMetadata,
  exportDataRowMetadata,
  upsertDataRowMetadata,
} from "../metadata/row-metadata.js";
import { findMetadataSchema, getMetadataOntology, type MetadataOntology, type MetadataSchema, type ReservedByName } from "../metadata/ontology.js";
import {
  createMetadataSchema,
  type CreateMetadataSchemaInput,
  deleteMetadataSchema,
  updateMetadataEnumOption,
  updateMetadataSchema,
} from "../metadata/schemas.js";
import type { MetadataFieldInput } from "../metadata/serialize.js";

/**
 * Python `DataRowMetadataOntology`: the organization's metadata fields and the calls that
 * manage them. A snapshot: `refresh()` returns a new one.
 *
 * @example
 * const mdo = await client.getDataRowMetadataOntology();
 * mdo.reservedByName.split?.optionsByName["train"]?.parent === mdo.reservedByName.split?.id; // true
 */
export class DataRowMetadataOntology implements MetadataOntology {
  declare readonly fields: readonly MetadataSchema[];
  declare readonly fieldsById: ReadonlyMap<string, MetadataSchema>;
  declare readonly reservedByName: ReservedByName;
  declare readonly customByName: Readonly<Record<string, MetadataSchema>>;
  declare readonly client: LbxClient;

  constructor(client: LbxClient, ontology: MetadataOntology) {
    Object.assign(this, ontology);
    Object.defineProperty(this, "client", { value: client, enumerable: false });
  }

  /** A field by name: reserved first, then custom (Python `get_by_name`). */
  getByName(name: string): MetadataSchema | undefined {
    return this.reservedByName[name] ?? this.customByName[name];
  }

  /** A field or enum option by id. */
  getById(id: string): MetadataSchema | undefined {
    return this.fieldsById.get(id);
  }

  /** Python `refresh_ontology()`. */
  async refresh(options?: CallOptions): Promise<DataRowMetadataOntology> {
    return new DataRowMetadataOntology(this.client, await getMetadataOntology(this.client, { ...options, refresh: true }));
  }

  createSchema(input: CreateMetadataSchemaInput, options?: CallOptions): Promise<MetadataSchema> {
    return createMetadataSchema(this.client, input, options);
  }

  updateSchema(idOrName: string, newName: string, options?: CallOptions): Promise<MetadataSchema> {
    return updateMetadataSchema(this.client, idOrName, { name: newName }, options);
  }

  updateEnumOption(idOrName: string, option: string, newOption: string, options?: CallOptions): Promise<MetadataSchema> {
    return updateMetadataEnumOption(this.client, idOrName, option, newOption, options);
  }

  deleteSchema(idOrName: string, options?: CallOptions): Promise<boolean> {
    return deleteMetadataSchema(this.client, findMetadataSchema(this, idOrName)?.id ?? idOrName, options);
  }

  bulkUpsert(items: readonly (DataRowIdentifier & { readonly fields: readonly MetadataFieldInput[] })[], options?: CallOptions) {
    return upsertDataRowMetadata(this.client, items, options);
  }

  bulkDelete(items: readonly (DataRowIdentifier & { readonly fields: readonly string[] })[], options?: CallOptions) {
    return deleteDataRowMetadata(this.client, items, options);
  }

  bulkExport(rows: { readonly dataRowIds: readonly string[] } | { readonly globalKeys: readonly string[] }, options?: CallOptions) {
    return exportDataRowMetadata(this.client, rows, options);
  }
}
