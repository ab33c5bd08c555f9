// Per-row metadata: checking what clients send, the stored form, and the three views clients
// read back.
//
// Stored form: a JSON array of `{schemaId, value}`, one entry per top-level schema. An enum is
// stored as its chosen OPTION id with value `{}` (the parent is implied), which is how the SDK
// itself sends it (§4.1: parent `{}` entry + option `{}` entry).
import type { MetadataKind } from "../db/records.js";
import type { Limits } from "../rules/limits.js";
import { isTimestamp } from "../time.js";
import type { Ontology } from "./ontology.js";

/** One stored metadata entry. */
export interface StoredEntry {
  schemaId: string;
  value: unknown;
}

/** The outcome of checking a metadata field list. */
export type MetadataCheck = { ok: true; entries: StoredEntry[] } | { ok: false; reason: string };

/**
 * Checks a list of `{schemaId, value}` (or `{name, value}`) fields against the ontology and the
 * limits, and turns it into stored entries. Enum parent entries are folded into their option.
 */
export function checkMetadata(fields: unknown, ontology: Ontology, limits: Limits): MetadataCheck {
  if (fields === undefined || fields === null) return { ok: true, entries: [] };
  if (!Array.isArray(fields)) return { ok: false, reason: "metadata_fields must be a list" };
  const entries: StoredEntry[] = [];
  const seen = new Map<string, number>(); // top-level schema id -> index in entries
  const enumParentsNeedingOption = new Map<string, number>(); // enum id -> field index
  for (let i = 0; i < fields.length; i++) {
    const field: unknown = fields[i];
    const where = `metadata_fields[${i}]`;
    if (field === null || typeof field !== "object" || Array.isArray(field)) return { ok: false, reason: `${where}: must be an object with schemaId and value` };
    const f = field as Record<string, unknown>;
    const schemaId = f.schemaId ?? f.schema_id;
    const schema =
      typeof schemaId === "string" ? ontology.get(schemaId) : typeof f.name === "string" ? ontology.byNameOf(f.name) : undefined;
    if (!schema) {
      return { ok: false, reason: `${where}: schema ${JSON.stringify(schemaId ?? f.name ?? null)} not found in the metadata ontology` };
    }
    if (!("value" in f)) return { ok: false, reason: `${where}: missing value` };
    const value = f.value;
    if (schema.kind === "CustomMetadataEnumOption") {
      const parentId = schema.parentId ?? "";
      const at = seen.get(parentId);
      if (at !== undefined) {
        const existing = entries[at];
        if (existing && existing.schemaId !== schema.id && existing.schemaId !== parentId) {
          return { ok: false, reason: `${where}: only one option of an enum can be set per data row` };
        }
        entries[at] = { schemaId: schema.id, value: {} };
      } else {
        seen.set(parentId, entries.length);
        entries.push({ schemaId: schema.id, value: {} });
      }
      enumParentsNeedingOption.delete(parentId);
      continue;
    }
    if (seen.has(schema.id)) {
      if (schema.kind === "CustomMetadataEnum") continue; // parent given twice: harmless
      return { ok: false, reason: `Failed to validate the metadata '${JSON.stringify(fields)}': A schemaId can only be specified once per DataRow for ${schema.kind}` };
    }
    const checked = checkValue(schema.kind, value, schema.name, limits, ontology, schema.id);
    if (!checked.ok) return { ok: false, reason: `${where}: ${checked.reason}` };
    seen.set(schema.id, entries.length);
    if (schema.kind === "CustomMetadataEnum") {
      // `{}` means "an option entry follows"; a value naming an option is accepted too.
      if (checked.value === null) {
        enumParentsNeedingOption.set(schema.id, i);
        entries.push({ schemaId: schema.id, value: {} });
      } else entries.push({ schemaId: String(checked.value), value: {} });
      continue;
    }
    entries.push({ schemaId: schema.id, value: checked.value });
  }
  for (const [enumId, index] of enumParentsNeedingOption) {
    const name = ontology.get(enumId)?.name ?? enumId;
    return { ok: false, reason: `metadata_fields[${index}]: enum '${name}' is given without one of its options` };
  }
  if (limits.maxMetadataFieldsPerRow > 0 && entries.length > limits.maxMetadataFieldsPerRow) {
    return { ok: false, reason: `A data row can have at most ${limits.maxMetadataFieldsPerRow} metadata fields; got ${entries.length}` };
  }
  return { ok: true, entries };
}

function checkValue(
  kind: string,
  value: unknown,
  name: string,
  limits: Limits,
  ontology: Ontology,
  schemaId: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  switch (kind) {
    case "CustomMetadataString":
      if (typeof value !== "string") return { ok: false, reason: `value of '${name}' must be a string` };
      if (value.length > limits.maxStringMetadataLength) {
        return { ok: false, reason: `value of '${name}' is longer than ${limits.maxStringMetadataLength} characters` };
      }
      return { ok: true, value };
    case "CustomMetadataNumber": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) return { ok: false, reason: `value of '${name}' must be a finite number` };
      return { ok: true, value: n };
    }
    case "CustomMetadataDateTime":
      if (typeof value !== "string" || !isTimestamp(value)) {
        return { ok: false, reason: `value of '${name}' must be an ISO 8601 date-time string` };
      }
      return { ok: true, value };
    case "CustomMetadataEmbedding":
      if (!Array.isArray(value) || value.length !== limits.embeddingDimensions || !value.every((x) => typeof x === "number" && Number.isFinite(x))) {
        return { ok: false, reason: `value of '${name}' must be a list of exactly ${limits.embeddingDimensions} numbers` };
      }
      return { ok: true, value };
    case "CustomMetadataEnum": {
      if (value === null || value === undefined || (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)) {
        return { ok: true, value: null };
      }
      if (typeof value === "string") {
        const enumSchema = ontology.get(schemaId);
        const opt = enumSchema?.options.find((o) => o.id === value || o.name === value);
        if (opt) return { ok: true, value: opt.id };
      }
      return { ok: false, reason: `value of enum '${name}' must be {} followed by an option entry, or an option id or name` };
    }
    default:
      return { ok: false, reason: `schema '${name}' has kind ${kind}, which cannot hold a value` };
  }
}

/** The top-level schema id an entry belongs to (the enum for an option entry). */
export function topSchemaId(entry: StoredEntry, ontology: Ontology): string {
  const schema = ontology.get(entry.schemaId);
  return schema?.kind === "CustomMetadataEnumOption" && schema.parentId ? schema.parentId : entry.schemaId;
}

/** `current` with `updates` applied: an update replaces the entry of the same top-level schema. */
export function mergeEntries(current: StoredEntry[], updates: StoredEntry[], ontology: Ontology): StoredEntry[] {
  const result = [...current];
  for (const u of updates) {
    const top = topSchemaId(u, ontology);
    const at = result.findIndex((e) => topSchemaId(e, ontology) === top);
    if (at >= 0) result[at] = u;
    else result.push(u);
  }
  return result;
}

/** Entries parsed from the stored JSON text. */
export function parseEntries(text: string | null): StoredEntry[] {
  if (!text) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as StoredEntry[]) : [];
}

/** The stored JSON text of entries (null when there are none). */
export function serializeEntries(entries: StoredEntry[]): string | null {
  if (entries.length === 0) return null;
  // Written out rather than `JSON.stringify(entries)`, which gives the same text (a value that is
  // undefined is left out): every imported row with metadata comes through here.
  let out = "";
  for (const e of entries) out += `${out ? "," : ""}{"schemaId":${JSON.stringify(e.schemaId)}${e.value === undefined ? "" : `,"value":${JSON.stringify(e.value)}`}}`;
  return `[${out}]`;
}

/**
 * `DataRow.customMetadata`: raw `{schemaId, value}` pairs; an enum appears as its parent with `{}`
 * followed by the chosen option with `{}` (the SDK skips the parent entry).
 */
export function customMetadataView(entries: StoredEntry[], ontology: Ontology): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (const e of entries) {
    const schema = ontology.get(e.schemaId);
    if (!schema) continue; // schema deleted since: the value is no longer readable
    if (schema.kind === "CustomMetadataEnumOption") {
      if (schema.parentId) out.push({ schemaId: schema.parentId, value: {} });
      out.push({ schemaId: schema.id, value: {} });
    } else if (schema.kind !== "CustomMetadataEnum") out.push({ schemaId: e.schemaId, value: e.value });
  }
  return out;
}

/** One readable metadata field (`DataRow.metadataFields`). */
export interface MetadataFieldView {
  schemaId: string;
  name: string;
  value: unknown;
  kind: MetadataKind;
}

/** `DataRow.metadataFields`: one entry per schema; an enum shows its own id, name and the option name. */
export function metadataFieldsView(entries: StoredEntry[], ontology: Ontology): MetadataFieldView[] {
  const out: MetadataFieldView[] = [];
  for (const e of entries) {
    const schema = ontology.get(e.schemaId);
    if (!schema) continue;
    if (schema.kind === "CustomMetadataEnumOption") {
      const parent = ontology.parentOf(schema);
      if (parent) out.push({ schemaId: parent.id, name: parent.name, value: schema.name, kind: parent.kind });
    } else if (schema.kind !== "CustomMetadataEnum") out.push({ schemaId: schema.id, name: schema.name, value: e.value, kind: schema.kind });
  }
  return out;
}

/** Export v2 `metadata_fields`: snake_case; an enum's value names the chosen option. */
export function exportV2MetadataView(entries: StoredEntry[], ontology: Ontology): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const e of entries) {
    const schema = ontology.get(e.schemaId);
    if (!schema) continue;
    if (schema.kind === "CustomMetadataEnumOption") {
      const parent = ontology.parentOf(schema);
      if (parent) {
        out.push({ schema_id: parent.id, schema_name: parent.name, schema_kind: parent.kind, value: { schema_id: schema.id, schema_name: schema.name } });
      }
    } else if (schema.kind !== "CustomMetadataEnum") {
      out.push({ schema_id: schema.id, schema_name: schema.name, schema_kind: schema.kind, value: e.value });
    }
  }
  return out;
}
