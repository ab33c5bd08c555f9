// Import items as clients write them: descriptor-file items (classic `appendRowsToDataset`) and
// upsert payloads (chunk files of `upsertDataRows`) use the SDK's snake_case Python names.

/** One row's fields before checking; `undefined` means "not given". */
export interface RowInput {
  rowData?: unknown;
  externalId?: unknown;
  globalKey?: unknown;
  metadataFields?: unknown;
  attachments?: unknown;
  mediaType?: unknown;
}

const FIELDS: Record<string, keyof RowInput> = {
  row_data: "rowData",
  external_id: "externalId",
  global_key: "globalKey",
  metadata_fields: "metadataFields",
  metadata: "metadataFields",
  attachments: "attachments",
  media_type: "mediaType",
};

/**
 * Keys the SDK may send that carry nothing the emulator stores: `dataset_id` is read separately;
 * `embeddings` (custom embeddings) and the rest are accepted and not emulated (see README).
 */
const ACCEPTED_UNUSED = new Set(["dataset_id", "uid", "created_at", "updated_at", "media_attributes", "embeddings"]);

/** Keys of a legacy tiled-imagery item, which the SDK passes through untouched (§7.1). */
const TILE_KEYS = new Set(["tileLayerUrl", "bounds", "minZoom", "maxZoom", "epsg", "alternativeLayers", "version"]);

/** Reads an item object; unknown keys are an error naming them. */
export function readItem(item: unknown): { ok: true; input: RowInput; datasetId: string | null } | { ok: false; reason: string } {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return { ok: false, reason: "Each item must be an object" };
  const record = item as Record<string, unknown>;
  const input: RowInput = {};
  const unknown: string[] = [];
  const tile: Record<string, unknown> = {};
  // for-in, not Object.entries: no [key, value] arrays per field (bulk imports read one item per row).
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const value = record[key];
    const field = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    if (field) input[field] = value;
    else if (TILE_KEYS.has(key)) tile[key] = value;
    else if (!ACCEPTED_UNUSED.has(key)) unknown.push(key);
  }
  if (unknown.length) return { ok: false, reason: `Unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")} in item` };
  if (input.rowData === undefined && "tileLayerUrl" in tile) input.rowData = tile;
  const datasetId = typeof record.dataset_id === "string" ? record.dataset_id : null;
  return { ok: true, input, datasetId };
}

/** The key of an upsert spec: `{"type": "AUTO" | "ID" | "GKEY", "value": "..."}`. */
export type SpecKey = { type: "AUTO" } | { type: "ID"; value: string } | { type: "GKEY"; value: string };

/** Reads an upsert spec `{id: {type, value}, payload: {...}}`. */
export function readSpec(spec: unknown): { ok: true; key: SpecKey; payload: unknown } | { ok: false; reason: string } {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return { ok: false, reason: "Each spec must be an object with id and payload" };
  const { id, payload } = spec as { id?: unknown; payload?: unknown };
  if (payload === null || typeof payload !== "object" || Array.isArray(payload) || Object.keys(payload).length === 0) {
    return { ok: false, reason: "Spec has an empty payload" };
  }
  if (id === undefined || id === null) return { ok: true, key: { type: "AUTO" }, payload };
  if (typeof id !== "object") return { ok: false, reason: "Spec id must be an object {type, value}" };
  const { type, value } = id as { type?: unknown; value?: unknown };
  if (type === "AUTO") return { ok: true, key: { type: "AUTO" }, payload };
  if ((type === "ID" || type === "GKEY") && typeof value === "string" && value.length > 0) return { ok: true, key: { type, value }, payload };
  return { ok: false, reason: `Spec id must have type AUTO, ID or GKEY and a non-empty value; got ${JSON.stringify(id)}` };
}
