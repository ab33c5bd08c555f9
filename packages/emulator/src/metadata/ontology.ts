// One organization's metadata ontology: the reserved schemas plus its custom ones, indexed by id
// (options included) and by name. Built from the store and cached until a schema changes, because
// every ingested row with metadata consults it.
import type { MetadataSchemaRecord } from "../db/records.js";

/** An indexed ontology. */
export class Ontology {
  /** Top-level schemas, reserved first. */
  readonly schemas: readonly MetadataSchemaRecord[];
  private readonly byId = new Map<string, MetadataSchemaRecord>();
  private readonly byName = new Map<string, MetadataSchemaRecord>();

  constructor(schemas: readonly MetadataSchemaRecord[]) {
    this.schemas = schemas;
    for (const s of schemas) {
      this.byId.set(s.id, s);
      if (!this.byName.has(s.name)) this.byName.set(s.name, s);
      for (const o of s.options) this.byId.set(o.id, o);
    }
  }

  /** A schema or enum option by id. */
  get(id: string): MetadataSchemaRecord | undefined {
    return this.byId.get(id);
  }

  /** A top-level schema by name (reserved names win, as in the SDK). */
  byNameOf(name: string): MetadataSchemaRecord | undefined {
    return this.byName.get(name);
  }

  /** The enum an option belongs to. */
  parentOf(option: MetadataSchemaRecord): MetadataSchemaRecord | undefined {
    return option.parentId ? this.byId.get(option.parentId) : undefined;
  }
}
