// How a failed import item is reported back: `failedDataRowImports.results[].spec` (upsert) and
// the `failedDataRows` of a JSON Import result file use camelCase copies of what the client sent.
import type { Ontology } from "../metadata/ontology.js";
import { attachmentTypes } from "../rules/attachments.js";

interface Spec {
  externalId: string | null;
  globalKey: string | null;
  rowData: string | null;
  metadata: Array<{ schemaId: string | null; value: unknown; name: string | null }>;
  attachments: Array<{ type: string | null; value: string | null; name: string | null }>;
}

/** The reportable spec of an upsert spec or descriptor item, as JSON text. */
export function failureSpec(raw: unknown, ontology: Ontology): string {
  return JSON.stringify(describe(raw, ontology));
}

/** The reportable spec of an upsert spec or descriptor item. */
export function describe(raw: unknown, ontology: Ontology): Spec {
  const record = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const payload = (record.payload && typeof record.payload === "object" ? record.payload : record) as Record<string, unknown>;
  const key = record.id && typeof record.id === "object" ? (record.id as { type?: unknown; value?: unknown }) : null;
  const str = (v: unknown): string | null => (typeof v === "string" ? v : v === undefined || v === null ? null : JSON.stringify(v));
  const list = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === "object") : []);
  return {
    externalId: str(payload.external_id),
    globalKey: str(payload.global_key) ?? (key?.type === "GKEY" ? str(key.value) : null),
    rowData: str(payload.row_data),
    metadata: list(payload.metadata_fields ?? payload.metadata).map((m) => {
      const schemaId = str(m.schemaId ?? m.schema_id);
      return { schemaId, value: m.value ?? null, name: str(m.name) ?? (schemaId ? (ontology.get(schemaId)?.name ?? null) : null) };
    }),
    attachments: list(payload.attachments).map((a) => ({ type: echoedType(str(a.type)), value: str(a.value), name: str(a.name) })),
  };
}

/**
 * A spec stored by an emulator before attachment types were checked here (a store on disk may
 * hold "AUDIO"): read through the same rule, so an old store's failure page renders too.
 */
export function reportable(stored: unknown): unknown {
  const spec = stored as Partial<Spec> | null;
  if (!spec || !Array.isArray(spec.attachments) || spec.attachments.every((a) => a?.type === echoedType(a?.type ?? null))) return stored;
  return { ...spec, attachments: spec.attachments.map((a) => ({ ...a, type: echoedType(a?.type ?? null) })) };
}

/**
 * The attachment type as the failure page can report it. `DataRowImportSpecAttachment.type` is
 * the `AttachmentType` enum, which cannot carry a type the server refused (e.g. "AUDIO"): echoing
 * it made GraphQL fail the whole `failedDataRowImports` page with a 500. The schema declares that
 * field nullable (the list items themselves are not), so such a type becomes null while the
 * attachment stays in the list: its value and name, and its position (the failure message names
 * it as `attachments[i]`), still tell the user which one was refused.
 */
function echoedType(type: string | null): string | null {
  return type !== null && attachmentTypes.includes(type) ? type : null;
}
