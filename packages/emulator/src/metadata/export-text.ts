// The `metadata_fields` text of a v2 export line, rendered when a row's metadata is written.
//
// Building it at export time from the stored entries costs SQLite ~4 CPU µs per row (walking the
// JSON and looking up each schema's text), about a third of a whole line; copying a text rendered
// at ingest costs ~0.25 µs (measured on 200,000 bench rows). The text depends on the ontology
// (schema names and kinds, an option's parent), which can change after the row is written, so it
// is stored with the ontology's `key`: a hash of exactly the schema texts it was built from. An
// export uses the stored text only when its own ontology has the same key, and walks the entries
// otherwise, so a renamed or deleted schema never shows stale text.
import { createHash } from "node:crypto";
import type { Ontology } from "./ontology.js";
import type { StoredEntry } from "./stored.js";

/** A row's rendered `metadata_fields` text and the key of the ontology it was rendered with. */
export interface MetadataExport {
  key: number;
  text: string;
}

/** The constant text of a v2 metadata entry: up to its value, or whole (an enum's option). */
export type MetadataEntryParts = { prefix: string } | { whole: string };

/**
 * The constant text of the v2 `metadata_fields` entries of schema `schemaId`: `{prefix}` is the
 * entry up to its value (`{"schema_id":..,"schema_name":..,"schema_kind":..,"value":`), `{whole}`
 * a whole entry (an enum option: parent and option names). Null when the entry is left out
 * (unknown schema, or an enum parent, which is written through its option).
 */
export function metadataEntryParts(ontology: Ontology, schemaId: string): MetadataEntryParts | null {
  const schema = ontology.get(schemaId);
  if (schema?.kind === "CustomMetadataEnumOption") {
    const parent = ontology.parentOf(schema);
    return parent ? { whole: JSON.stringify({ schema_id: parent.id, schema_name: parent.name, schema_kind: parent.kind, value: { schema_id: schema.id, schema_name: schema.name } }) } : null;
  }
  if (schema && schema.kind !== "CustomMetadataEnum") {
    const head = JSON.stringify({ schema_id: schema.id, schema_name: schema.name, schema_kind: schema.kind });
    return { prefix: `${head.slice(0, -1)},"value":` };
  }
  return null;
}

/** One metadata schema's constant entry text: `[schemaId, prefix, whole]` (see `metadataEntryParts`). */
export type MetadataPartRow = [string, string | null, string | null];

/** The constant entry texts of every schema of an ontology, as plain data (a worker thread gets a copy). */
export function metadataPartRows(ontology: Ontology): MetadataPartRow[] {
  const rows: MetadataPartRow[] = [];
  for (const schema of ontology.schemas) {
    for (const s of [schema, ...schema.options]) {
      const parts = metadataEntryParts(ontology, s.id);
      if (parts) rows.push([s.id, "prefix" in parts ? parts.prefix : null, "whole" in parts ? parts.whole : null]);
    }
  }
  return rows;
}

/**
 * The key of the texts rendered from these parts: 52 bits of their SHA-256 (a safe integer, stored
 * as an SQLite INTEGER). Two ontologies with the same parts render every entry the same.
 */
export function metadataExportKey(parts: MetadataPartRow[]): number {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest();
  return digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4);
}

/** Renders the `metadata_fields` text of entries with one ontology's constant texts, cached per schema. */
export class MetadataExportRenderer {
  readonly key: number;
  private readonly parts = new Map<string, MetadataEntryParts>();

  constructor(partRows: MetadataPartRow[]) {
    this.key = metadataExportKey(partRows);
    for (const [schemaId, prefix, whole] of partRows) this.parts.set(schemaId, whole !== null ? { whole } : { prefix: prefix! });
  }

  /** `[...]` of the entries, byte-identical to `JSON.stringify` of the v2 view; unknown schemas are left out. */
  text(entries: readonly StoredEntry[]): string {
    let out = "";
    for (const e of entries) {
      const parts = this.parts.get(e.schemaId);
      if (parts === undefined) continue;
      // `prefix` ends with `,"value":` (9 characters): an entry without a value drops it.
      const entry = "whole" in parts ? parts.whole : e.value === undefined ? `${parts.prefix.slice(0, -9)}}` : `${parts.prefix}${JSON.stringify(e.value)}}`;
      out += out ? `,${entry}` : entry;
    }
    return `[${out}]`;
  }

  /** The stored form for a row whose metadata is `entries` (null when it has none). */
  render(entries: readonly StoredEntry[]): MetadataExport | null {
    return entries.length === 0 ? null : { key: this.key, text: this.text(entries) };
  }
}

const renderers = new WeakMap<Ontology, MetadataExportRenderer>();

/** The renderer of an ontology (built once per ontology object; the cache drops it when schemas change). */
export function metadataExportRenderer(ontology: Ontology): MetadataExportRenderer {
  let renderer = renderers.get(ontology);
  if (!renderer) {
    renderer = new MetadataExportRenderer(metadataPartRows(ontology));
    renderers.set(ontology, renderer);
  }
  return renderer;
}
