import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import { atMost, checkEach, describe, expected, type Issues, isRecord, problem } from "../validation/issues.js";
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

type Entries = DataRowCustomMetadataUpsertInput[];

/** Checks the shape of a metadata list without the ontology: every item names a schema and has a value. */
export function checkMetadataShape(value: unknown, path: string, issues: Issues): value is readonly MetadataFieldInput[] {
  const before = issues.length;
  const item = (field: unknown, at: string) => {
    if (!isRecord(field)) return expected(issues, at, "an object {schemaId | name, value}", field);
    if (typeof field["schemaId"] !== "string" && typeof field["name"] !== "string") problem(issues, at, "needs a schemaId or a name");
    if (field["value"] == null) problem(issues, `${at}.value`, "is required");
    return undefined;
  };
  checkEach(value, path, issues, item, "an array of {schemaId | name, value}", isWellShapedField);
  return issues.length === before;
}

/** True when `checkMetadataShape` would find nothing wrong with this item. */
function isWellShapedField(field: unknown): boolean {
  return isRecord(field) && (typeof field["schemaId"] === "string" || typeof field["name"] === "string") && field["value"] != null;
}

/**
 * The schemas a field list refers to that the ontology does not know (triggers one refresh): a
 * field by name or id, or an enum's option by name or id, which another client may have created
 * or renamed since the ontology was cached.
 */
export function unknownSchemaRefs(fields: readonly MetadataFieldInput[], ontology: MetadataOntology): string[] {
  const refs: string[] = [];
  for (const { schemaId, name, value } of fields) {
    const ref = schemaId ?? name;
    const schema = ref === undefined ? undefined : findMetadataSchema(ontology, ref);
    if (!schema) {
      if (ref !== undefined) refs.push(ref);
    } else if (schema.kind === "CustomMetadataEnum" && typeof value === "string" && !findOption(schema, value)) refs.push(value);
  }
  return refs;
}

/** An enum's option by id, else by name. */
function findOption(schema: MetadataSchema, idOrName: string): MetadataSchema | undefined {
  return schema.options.find((o) => o.id === idOrName) ?? schema.optionsByName[idOrName];
}

/**
 * Turns metadata fields into the wire form (`DataRowCustomMetadataUpsertInput`), exactly as the
 * Python SDK 6.0 does (spec §4.1): an enum becomes two entries (the enum, then the option, both
 * with `{}`), a datetime becomes `YYYY-MM-DDTHH:MM:SSZ` in UTC. Every problem is recorded.
 */
export function serializeMetadata(fields: readonly MetadataFieldInput[], ontology: MetadataOntology, path: string, issues: Issues): Entries {
  const out: Entries = [];
  // A plain loop, schema ids in a small array, paths built only for problems: bulk imports
  // serialize a few fields per row for millions of rows.
  const seen: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const ref = field.schemaId ?? field.name ?? "";
    const schema = findMetadataSchema(ontology, ref);
    if (!schema) {
      problem(issues, `${path}[${i}]`, `${field.schemaId ? "unknown metadata schema id" : "no metadata field named"} ${JSON.stringify(ref)}`);
      continue;
    }
    if (field.schemaId && field.name !== undefined && field.name !== schema.name) {
      problem(issues, `${path}[${i}].name`, `schema ${schema.id} is named ${JSON.stringify(schema.name)}, not ${JSON.stringify(field.name)}`);
    }
    if (schema.kind === "CustomMetadataEnumOption") {
      problem(issues, `${path}[${i}]`, `${schema.id} is an enum option, not a field: pass the enum's schemaId and the option as value`);
      continue;
    }
    const previous = seen.indexOf(schema.id);
    if (previous >= 0) problem(issues, `${path}[${i}]`, `field ${JSON.stringify(schema.name)} is already set at index ${previousIndex(fields, ontology, schema.id)}`);
    else seen.push(schema.id);
    const entries = KINDS[schema.kind]?.(field.value, schema) ?? `${schema.name} has kind ${schema.kind}, which this SDK cannot write`;
    if (typeof entries === "string") {
      problem(issues, `${path}[${i}].value`, entries);
      continue;
    }
    for (const entry of entries) out.push(entry);
  }
  return out;
}

/** Index of the first field naming schema `id` (for the message about a field set twice). */
function previousIndex(fields: readonly MetadataFieldInput[], ontology: MetadataOntology, id: string): number {
  return fields.findIndex((f) => findMetadataSchema(ontology, f.schemaId ?? f.name ?? "")?.id === id);
}

/** Per kind: the wire entries for a value, or the problem with it. */
const KINDS: Readonly<Record<string, (value: unknown, schema: MetadataSchema) => Entries | string>> = {
  CustomMetadataString: (value, schema) => {
    if (typeof value !== "string") return wanted(schema, "text", value);
    const rule = atMost(METADATA_STRING_MAX, [...value].length);
    return rule === true ? [{ schemaId: schema.id, value }] : rule;
  },
  CustomMetadataNumber: (value, schema) => (Number.isFinite(value) ? [{ schemaId: schema.id, value }] : wanted(schema, "a finite number", value)),
  CustomMetadataDateTime: (value, schema) => {
    const utc = toUtcSeconds(value);
    if (utc) return [{ schemaId: schema.id, value: utc }];
    const impossible = impossibleField(value);
    return impossible ? `${impossible}, got ${describe(value)}` : wanted(schema, "a Date or an ISO 8601 string with a time zone (e.g. 2023-03-01T12:30:00Z)", value);
  },
  CustomMetadataEnum: (value, schema) => {
    const option = typeof value === "string" ? findOption(schema, value) : undefined;
    if (option) return [{ schemaId: schema.id, value: {} }, { schemaId: option.id, value: {} }];
    return wanted(schema, `one of its options (${schema.options.map((o) => o.name).join(", ")}) by name or id`, value);
  },
  CustomMetadataEmbedding: (value, schema) =>
    Array.isArray(value) && value.length === METADATA_EMBEDDING_LENGTH && value.every(Number.isFinite)
      ? [{ schemaId: schema.id, value }]
      : wanted(schema, `exactly ${METADATA_EMBEDDING_LENGTH} finite numbers`, value),
};

/** The problem with a value of the wrong kind, e.g. `split is a CustomMetadataEnum field: pass ...`. */
function wanted(schema: MetadataSchema, what: string, value: unknown): string {
  return `${schema.name} is a ${schema.kind} field: pass ${what}, got ${describe(value)}`;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fff]Z` with every field in range (the day against its month is checked
 * apart): already UTC, so it needs no date arithmetic.
 */
const PLAIN_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

/** A zoned ISO 8601 timestamp: `YYYY-MM-DDTHH:MM[:SS[.fff]]` and `Z` or an offset, fields at fixed places. */
const ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;

/** A Date or a zoned ISO 8601 string as `YYYY-MM-DDTHH:MM:SSZ` in UTC; undefined when it is neither or cannot exist. */
export function toUtcSeconds(value: unknown): string | undefined {
  // The common case (what `Date#toISOString` prints) needs no date arithmetic: one regex test
  // instead of parse, Date and print, which cost bulk imports ~1.5 µs a row (profiled). Only
  // days 29-31 need their month's length.
  if (typeof value === "string" && PLAIN_UTC.test(value)) {
    const day = twoDigits(value, 8);
    if (day <= 28 || day <= daysInMonth(+value.slice(0, 4), twoDigits(value, 5))) return `${value.slice(0, 19)}Z`;
  }
  // Date.parse rolls impossible dates over (Feb 30 becomes Mar 2, 24:00 the next day), so it
  // only sees strings whose fields were checked.
  const time = value instanceof Date ? value.getTime() : impossibleField(value) === "" ? Date.parse((value as string).trim()) : Number.NaN;
  // Invalid dates fail here, and years outside 0000-9999 (printed as +/-YYYYYY, which the server cannot parse).
  const iso = Number.isFinite(time) ? new Date(time).toISOString() : "";
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : undefined;
}

/**
 * For a string shaped like a zoned ISO 8601 timestamp: which field cannot exist, in the words of
 * Python's `datetime.fromisoformat` (e.g. "day is out of range for month"), or "" when all can.
 * Undefined for anything else. Fields are read by position: a regex exec with captures costs
 * ~5 times a test.
 */
function impossibleField(value: unknown): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  if (!ZONED.test(text)) return undefined;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12) return "month must be in 1..12";
  if (day < 1 || day > daysInMonth(+text.slice(0, 4), month)) return "day is out of range for month";
  if (twoDigits(text, 11) > 23) return "hour must be in 0..23";
  if (twoDigits(text, 14) > 59) return "minute must be in 0..59";
  return text[16] === ":" && twoDigits(text, 17) > 59 ? "second must be in 0..59" : "";
}

/** The number written by the two ASCII digits at `at` (48 is "0"). */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/** Days in `month` (1-12) of the proleptic Gregorian `year`, as Python's `datetime` counts them. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
