import type { CallOptions } from "../client/request.js";
import { execute } from "../client/request.js";
import type { LbxClient } from "../client/client.js";
import { GetMetadataOntologyBetaPyApiDocument } from "../generated/documents.js";
import type { CustomMetadataKind, GetMetadataOntologyBetaPyApiQuery } from "../generated/operation-types.js";
import { memo, untilAborted } from "../util/shared.js";

/** `CustomMetadataString`, `CustomMetadataNumber`, `CustomMetadataDateTime`, `CustomMetadataEnum`, `CustomMetadataEnumOption`, `CustomMetadataEmbedding`. */
export type MetadataKind = CustomMetadataKind;

/** One metadata schema (a field), or one option of an enum field. */
export interface MetadataSchema {
  readonly id: string;
  readonly name: string;
  readonly kind: MetadataKind;
  /** True for Labelbox's global fields (`tag`, `split`, `captureDateTime`, ...). */
  readonly reserved: boolean;
  /** For an enum option: the id of its enum. */
  readonly parent?: string;
  /** For an enum: its options, in server order. */
  readonly options: readonly MetadataSchema[];
  readonly optionsByName: Readonly<Record<string, MetadataSchema>>;
}

/** Reserved fields by name; the three every organization has are typed. */
export type ReservedByName = Readonly<Record<string, MetadataSchema>> & {
  readonly tag?: MetadataSchema;
  /** Enum with options `train`, `valid`, `test` (`split.optionsByName.train.parent === split.id`). */
  readonly split?: MetadataSchema;
  readonly captureDateTime?: MetadataSchema;
};

/** The organization's metadata schemas (Python: `DataRowMetadataOntology`). */
export interface MetadataOntology {
  /** Top-level fields, reserved and custom. */
  readonly fields: readonly MetadataSchema[];
  /** Every schema by id, enum options included. */
  readonly fieldsById: ReadonlyMap<string, MetadataSchema>;
  readonly reservedByName: ReservedByName;
  readonly customByName: Readonly<Record<string, MetadataSchema>>;
}

/** Builds the lookup tables from the `customMetadataOntology` response. */
export function buildOntology(raw: GetMetadataOntologyBetaPyApiQuery["customMetadataOntology"]): MetadataOntology {
  const fieldsById = new Map<string, MetadataSchema>();
  const reservedByName: Record<string, MetadataSchema> = Object.create(null);
  const customByName: Record<string, MetadataSchema> = Object.create(null);
  const fields = raw.map((f) => {
    const options = (f.options ?? []).map(
      (o): MetadataSchema => ({ id: o.id, name: o.name, kind: o.kind, reserved: o.reserved ?? false, parent: f.id, options: [], optionsByName: {} }),
    );
    const optionsByName: Record<string, MetadataSchema> = Object.create(null);
    for (const o of options) {
      optionsByName[o.name] = o;
      fieldsById.set(o.id, o);
    }
    const schema: MetadataSchema = { id: f.id, name: f.name, kind: f.kind, reserved: f.reserved ?? false, options, optionsByName };
    fieldsById.set(f.id, schema);
    (schema.reserved ? reservedByName : customByName)[f.name] = schema;
    return schema;
  });
  return { fields, fieldsById, reservedByName, customByName };
}

/**
 * Fetches the metadata ontology, once per client; later calls reuse it until `refresh` is set.
 *
 * @example
 * const ontology = await getMetadataOntology(client);
 * ontology.reservedByName.split?.optionsByName["train"]?.id; // "cko8sbscr0003h2dk04w86hof"
 */
export function getMetadataOntology(
  client: LbxClient,
  options: CallOptions & { readonly refresh?: boolean } = {},
): Promise<MetadataOntology> {
  const { cache } = client;
  const shared = memo(
    () => cache.ontology,
    (p) => (cache.ontology = p),
    async () => buildOntology((await execute(client, GetMetadataOntologyBetaPyApiDocument, null, { headers: options.headers })).customMetadataOntology),
    options.refresh,
  );
  return untilAborted(shared, options.signal);
}

/** Finds a schema by id (options included), else by name: reserved names first, as in Python. */
export function findMetadataSchema(ontology: MetadataOntology, idOrName: string): MetadataSchema | undefined {
  return ontology.fieldsById.get(idOrName) ?? ontology.reservedByName[idOrName] ?? ontology.customByName[idOrName];
}
