import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import { describe, type Issues } from "../validation/issues.js";
import { findMetadataSchema, type MetadataOntology, type MetadataSchema } from "./ontology.js";

/** Longest String metadata value (code points), since Python SDK 3.42. */
export const METADATA_STRING_MAX = 4096;
/** Exact length of an Embedding metadata value. */
export const METADATA_EMBEDDING_LENGTH = 128;

/**
 * A metadata value: text (String), a finite number (Number), a `Date` or an ISO 8601 string with
 * a time zone (DateTime), an option name or id (Enum), or 128 numbers (Embedding).
 */
export type MetadataValueInput = string | number | Date | readonly number[];

/** One metadata field, by schema id or by name (e.g. `{ name: "split", value: "train" }`). */
export type MetadataFieldInput =
  | { readonly schemaId: string; readonly name?: string; readonly value: MetadataValueInput }
  | { readonly schemaId?: undefined; readonly name: string; readonly value: MetadataValueInput };

/** Checks the shape of a metadata list without the ontology: every item names a schema and has a value. */
export function checkMetadataShape(value: unknown, path: string, issues: Issues): value is readonly MetadataFieldInput[] {
  if (!Array.isArray(value)) {
    issues.push({ path, message: `must be an array of {schemaId | name, value}, got ${describe(value)}` });
    return false;
  }
  const before = issues.length;
  value.forEach((f: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof f !== "object" || f === null) return issues.push({ path: at, message: `must be an object {schemaId | name, value}, got ${describe(f)}` });
    const field = f as Record<string, unknown>;
    if (typeof field["schemaId"] !== "string" && typeof field["name"] !== "string") {
      issues.push({ path: at, message: "needs a schemaId or a name" });
    }
    if (!("value" in field) || field["value"] === undefined || field["value"] === null) {
      issues.push({ path: `${at}.value`, message: "is required" });
    }
    return undefined;
  });
  return issues.length === before;
}

/** The schemas a field list refers to that the ontology does not know (triggers one refresh). */
export function unknownSchemaRefs(fields: readonly MetadataFieldInput[], ontology: MetadataOntology): string[] {
  return fields.map((f) => f.schemaId ?? f.name).filter((ref) => ref !== undefined && !findMetadataSchema(ontology, ref));
}

/**
 * Turns metadata fields into the wire form (`DataRowCustomMetadataUpsertInput`), exactly as the
 * Python SDK 6.0 does (spec §4.1): an enum becomes two entries (the enum, then the option, both
 * with `{}`), a datetime becomes `YYYY-MM-DDTHH:MM:SSZ` in UTC. Every problem is recorded.
 */
export function serializeMetadata(
  fields: readonly MetadataFieldInput[],
  ontology: MetadataOntology,
  path: string,
  issues: Issues,
): DataRowCustomMetadataUpsertInput[] {
  const out: DataRowCustomMetadataUpsertInput[] = [];
  const seen = new Map<string, number>();
  fields.forEach((field, i) => {
    const at = `${path}[${i}]`;
    const ref = field.schemaId ?? field.name ?? "";
    const schema = findMetadataSchema(ontology, ref);
    if (!schema) {
      issues.push({ path: at, message: field.schemaId ? `unknown metadata schema id ${JSON.stringify(ref)}` : `no metadata field named ${JSON.stringify(ref)}` });
      return;
    }
    if (field.schemaId && field.name !== undefined && field.name !== schema.name) {
      issues.push({ path: `${at}.name`, message: `schema ${schema.id} is named ${JSON.stringify(schema.name)}, not ${JSON.stringify(field.name)}` });
    }
    if (schema.kind === "CustomMetadataEnumOption") {
      issues.push({ path: at, message: `${schema.id} is an enum option, not a field: pass the enum's schemaId and the option as value` });
      return;
    }
    const previous = seen.get(schema.id);
    if (previous !== undefined) issues.push({ path: at, message: `field ${JSON.stringify(schema.name)} is already set at index ${previous}` });
    else seen.set(schema.id, i);
    out.push(...serializeValue(schema, field.value, `${at}.value`, issues));
  });
  return out;
}

function serializeValue(schema: MetadataSchema, value: unknown, path: string, issues: Issues): DataRowCustomMetadataUpsertInput[] {
  const id = schema.id;
  const fail = (message: string): [] => (issues.push({ path, message }), []);
  switch (schema.kind) {
    case "CustomMetadataString": {
      if (typeof value !== "string") return fail(`${schema.name} is a String field; got ${describe(value)}`);
      const length = codePoints(value);
      if (length > METADATA_STRING_MAX) return fail(`must be at most ${METADATA_STRING_MAX} characters, got ${length}`);
      return [{ schemaId: id, value }];
    }
    case "CustomMetadataNumber":
      if (typeof value !== "number" || !Number.isFinite(value)) return fail(`${schema.name} is a Number field; got ${describe(value)}`);
      return [{ schemaId: id, value }];
    case "CustomMetadataDateTime": {
      const utc = toUtcSeconds(value);
      if (utc === undefined) {
        return fail(`${schema.name} is a DateTime field: pass a Date or an ISO 8601 string with a time zone (e.g. 2023-03-01T12:30:00Z); got ${describe(value)}`);
      }
      return [{ schemaId: id, value: utc }];
    }
    case "CustomMetadataEnum": {
      const option = typeof value === "string" ? (schema.options.find((o) => o.id === value) ?? schema.optionsByName[value]) : undefined;
      if (!option) {
        return fail(`${schema.name} is an Enum field; value must be one of its options (${schema.options.map((o) => o.name).join(", ")}) by name or id, got ${describe(value)}`);
      }
      return [{ schemaId: id, value: {} }, { schemaId: option.id, value: {} }];
    }
    case "CustomMetadataEmbedding": {
      const ok = Array.isArray(value) && value.length === METADATA_EMBEDDING_LENGTH && value.every((n) => typeof n === "number" && Number.isFinite(n));
      if (!ok) return fail(`${schema.name} is an Embedding field: pass exactly ${METADATA_EMBEDDING_LENGTH} finite numbers, got ${describe(value)}`);
      return [{ schemaId: id, value }];
    }
    default:
      return fail(`${schema.name} has kind ${String(schema.kind)}, which this SDK cannot write`);
  }
}

/** A Date or a zoned ISO 8601 string as `YYYY-MM-DDTHH:MM:SSZ` in UTC; undefined when it is neither. */
export function toUtcSeconds(value: unknown): string | undefined {
  let time: number;
  if (value instanceof Date) time = value.getTime();
  else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    time = Date.parse(value.trim());
  } else return undefined;
  if (!Number.isFinite(time)) return undefined;
  const iso = new Date(time).toISOString();
  // Years outside 0000-9999 print as +/-YYYYYY, which the server cannot parse.
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : undefined;
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
