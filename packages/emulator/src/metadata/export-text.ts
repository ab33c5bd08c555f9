// The `metadata_fields` text of a v2 export line, rendered when a row's metadata is written.
//
// Building it at export time from the stored entries costs SQLite 5-8 CPU µs per row (walking
// the JSON and looking up each schema's text, the largest part of a line); copying a text
// rendered at write time costs ~0.25 µs (measured on 200,000 bench rows). The text depends on
// the constant texts (names, kinds, an option's parent) of the schemas the row's entries name,
// which can change after the row is written. So the text is stored with a `key`: a hash of
// those schemas' texts (an enum's with all its options; an unknown schema as "no text"), and
// the texts themselves are recorded once per key (db/export-keys.ts). An export copies a row's
// text only when every schema its key covers still has the same text, and walks the entries
// otherwise: a renamed or deleted schema never shows stale text, while new schemas or options
// (which change nothing already rendered) keep stored texts in use. Stored texts are compact
// (see `MAX_MARKERS`): the constant texts are put back by the export.
import { createHash } from "node:crypto";
import type { Ontology } from "./ontology.js";
import type { StoredEntry } from "./stored.js";

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

/** What a row's stored export text is valid for: its key and the schema texts it covers (JSON of part rows). */
export interface MetadataExportKey {
  key: number;
  /** `[schemaId, prefix, whole]` per schema the entries name, sorted by id; null texts for a schema without one. */
  partsJson: string;
  /** Per schema id with a text: its marker in stored texts (see `markerOf`), when the key has few enough schemas. */
  markers: ReadonlyMap<string, string> | null;
}

/**
 * Stored texts are compact: each schema's constant text (`prefix` or `whole`) is replaced by one
 * control character, the `i`-th schema of the key's sorted part rows by `char(1 + i)`, which an
 * export puts back with `replace()` (sql-lines.ts). JSON text never holds a raw control character
 * (JSON.stringify escapes them), so markers are unambiguous. A stored bench row shrinks from ~440
 * to ~50 bytes. Keys covering more schemas than there are markers store full texts.
 */
export const MAX_MARKERS = 31;

/** The marker of the `index`-th part row of a key. */
export function markerOf(index: number): string {
  return String.fromCharCode(1 + index);
}

/** A key of part texts: 52 bits of the SHA-256 of their JSON (a safe integer, stored as an SQLite INTEGER). */
export function partsKey(partsJson: string): number {
  const digest = createHash("sha256").update(partsJson).digest();
  return digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4);
}

/** A row's rendered `metadata_fields` text (compact: see `MAX_MARKERS`), with the key it is valid for. */
export interface MetadataExport {
  text: string;
  key: MetadataExportKey;
}

/** Signatures a renderer remembers keys for, at most (then it starts over). */
const MAX_CACHED_SIGNATURES = 1_000;

/** Renders the `metadata_fields` text of entries with one ontology's constant texts. */
export class MetadataExportRenderer {
  private readonly parts = new Map<string, MetadataEntryParts>();
  /** Keys by the top-level schemas the entries name, in order (rows of an import name few such sets). */
  private readonly keys = new Map<string, MetadataExportKey>();

  constructor(private readonly ontology: Ontology) {
    for (const [schemaId, prefix, whole] of metadataPartRows(ontology)) this.parts.set(schemaId, whole !== null ? { whole } : { prefix: prefix! });
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

  /**
   * The stored form for a row whose metadata is `entries` (null when it has none). Its key covers
   * the top-level schemas the entries name, an enum with all of its options (so rows choosing
   * different options share a key, and options added later leave it valid), a schema this
   * ontology does not know as one without text (so it becoming known invalidates the key).
   */
  render(entries: readonly StoredEntry[]): MetadataExport | null {
    if (entries.length === 0) return null;
    const tops = entries.map((e) => this.topOf(String(e.schemaId)));
    const signature = tops.join("\u0000");
    let key = this.keys.get(signature);
    if (!key) {
      const members = new Set<string>();
      for (const top of tops) {
        members.add(top);
        for (const option of this.ontology.get(top)?.options ?? []) members.add(option.id);
      }
      const rows = [...members].sort().map((id): MetadataPartRow => {
        const parts = this.parts.get(id);
        return [id, parts && "prefix" in parts ? parts.prefix : null, parts && "whole" in parts ? parts.whole : null];
      });
      const partsJson = JSON.stringify(rows);
      const markers = rows.length <= MAX_MARKERS ? new Map(rows.map((row, i) => [row[0], markerOf(i)])) : null;
      key = { key: partsKey(partsJson), partsJson, markers };
      if (this.keys.size >= MAX_CACHED_SIGNATURES) this.keys.clear();
      this.keys.set(signature, key);
    }
    return { text: key.markers ? this.compactText(entries, key.markers) : this.text(entries), key };
  }

  /** `text()` with each schema's constant text replaced by its marker (see `MAX_MARKERS`). */
  private compactText(entries: readonly StoredEntry[], markers: ReadonlyMap<string, string>): string {
    let out = "";
    for (const e of entries) {
      const parts = this.parts.get(e.schemaId);
      if (parts === undefined) continue;
      const marker = markers.get(e.schemaId)!;
      // An entry without a value keeps its whole text: its constant part differs from `prefix`.
      const entry = "whole" in parts ? marker : e.value === undefined ? `${parts.prefix.slice(0, -9)}}` : `${marker}${JSON.stringify(e.value)}}`;
      out += out ? `,${entry}` : entry;
    }
    return `[${out}]`;
  }

  /** The top-level schema of an id: an option's enum, else the id itself. */
  private topOf(id: string): string {
    const schema = this.ontology.get(id);
    return schema?.kind === "CustomMetadataEnumOption" ? (this.ontology.parentOf(schema)?.id ?? id) : id;
  }
}

/**
 * Whether texts rendered under `partsJson` (a key's part rows) are what an export with the
 * `current` part rows builds: every schema they cover has the same texts now (none when absent).
 */
export function stillRendersSame(partsJson: string, current: ReadonlyMap<string, MetadataPartRow>): boolean {
  return (JSON.parse(partsJson) as MetadataPartRow[]).every(([id, prefix, whole]) => {
    const now = current.get(id);
    return (now?.[1] ?? null) === prefix && (now?.[2] ?? null) === whole;
  });
}

const renderers = new WeakMap<Ontology, MetadataExportRenderer>();

/** The renderer of an ontology (built once per ontology object; the cache drops it when schemas change). */
export function metadataExportRenderer(ontology: Ontology): MetadataExportRenderer {
  let renderer = renderers.get(ontology);
  if (!renderer) {
    renderer = new MetadataExportRenderer(ontology);
    renderers.set(ontology, renderer);
  }
  return renderer;
}
