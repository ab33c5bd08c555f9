// Where the recording's fake server behaved unlike a real one, the replay compares against what
// the recorded requests imply instead. Each rule names the evidence in the captures.
import { compareResponses } from "./compare.js";
import type { CaptureEntry } from "./capture.js";
import { operationName } from "./capture.js";

/** State of the recording's fake that explains later recorded responses. */
export class FakeState {
  /** Recorded ids of rows the capture deleted; the fake kept serving them. */
  readonly deletedRows = new Set<string>();
  /** External ids of those rows. */
  readonly deletedExternalIds = new Set<string>();
  /** Recorded ids of rows whose metadata the capture deleted; the fake kept serving it. */
  readonly metadataDeleted = new Set<string>();
  /** External id of each recorded row id seen in a response. */
  readonly externalIds = new Map<string, string>();
}

/** Updates FakeState from a recorded request / response pair (recorded ids). */
export function noteFakeState(entry: CaptureEntry, fake: FakeState): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const v = value as Record<string, unknown>;
      if (typeof v.id === "string" && typeof v.externalId === "string" && "rowData" in v) fake.externalIds.set(v.id, v.externalId);
      Object.values(v).forEach(walk);
    }
  };
  walk(entry.response?.data);
  const op = operationName(entry.query);
  if (op === "deleteDataRowsPyApi") {
    for (const id of entry.query?.match(/c[0-9a-z]{24}/g) ?? []) {
      fake.deletedRows.add(id);
      const ext = fake.externalIds.get(id);
      if (ext) fake.deletedExternalIds.add(ext);
    }
  }
  if (op === "DeleteDataRowMetadataBetaPyApi") {
    for (const id of JSON.stringify(entry.variables).match(/c[0-9a-z]{24}/g) ?? []) fake.metadataDeleted.add(id);
  }
}

/** Problems comparing the emulator's data with the recorded data, minus the fake's artefacts. */
export function compareWithRecording(entry: CaptureEntry, variables: unknown, actual: unknown, fake: FakeState): string[] {
  const op = operationName(entry.query);
  let recorded = entry.response?.data as Record<string, unknown> | undefined;
  const recordedText = JSON.stringify(entry.variables ?? {}) + (entry.query ?? "");
  // The capture deletes a row (bulk_delete) and later runs metadata and external-id calls on it; the
  // fake still answered with the row. Deleted rows are gone (spec §9.1), so only shapes are checked.
  if ([...fake.deletedRows].some((id) => recordedText.includes(id)) || [...fake.deletedExternalIds].some((e) => recordedText.includes(`"${e}"`))) return [];
  if (op === "GetDatasetsPyApi" && recorded) {
    // The fake ignored the `name` filter of get_datasets(where=name == ...) and returned every dataset.
    const name = (variables as { param_0?: unknown } | null)?.param_0;
    recorded = { ...recorded, datasets: (recorded.datasets as Array<{ name?: unknown }>).filter((d) => d.name === name) };
  }
  if (op === "GetMetadataOntologyBetaPyApi" && recorded) {
    // The fake leaked a custom schema from an earlier run into every ontology response (even
    // before the capture creates one); custom schemas are checked by checkOntology instead.
    recorded = { customMetadataOntology: (recorded.customMetadataOntology as Array<{ reserved?: boolean }>).filter((s) => s.reserved !== false) };
    actual = { customMetadataOntology: ((actual as { customMetadataOntology: Array<{ reserved?: boolean }> }).customMetadataOntology ?? []).filter((s) => s.reserved !== false) };
  }
  const problems: string[] = [];
  compareResponses(recorded, actual, "data", problems);
  // After mdo.bulk_delete the fake still returned the deleted metadata on those rows.
  const responseText = JSON.stringify(entry.response?.data ?? null);
  if ([...fake.metadataDeleted].some((id) => responseText.includes(id))) {
    return problems.filter((p) => !/\.(metadataFields|customMetadata)\b/.test(p));
  }
  return problems;
}

/** The custom schemas of the ontology must be exactly those the replay created and did not delete. */
export function checkOntology(op: string | null, variables: unknown, data: unknown, custom: Set<string>, report: (m: string) => void): void {
  if (op === "UpsertCustomMetadataSchemaPyApi") {
    const id = (data as { upsertCustomMetadataSchema?: { id?: string } }).upsertCustomMetadataSchema?.id;
    if (id) custom.add(id);
  } else if (op === "DeleteCustomMetadataSchemaPyApi") {
    const id = (variables as { where?: { id?: string } } | null)?.where?.id;
    if (id) custom.delete(id);
  } else if (op === "GetMetadataOntologyBetaPyApi") {
    const got = ((data as { customMetadataOntology: Array<{ id: string; reserved?: boolean }> }).customMetadataOntology ?? [])
      .filter((s) => s.reserved === false)
      .map((s) => s.id)
      .sort();
    const expected = [...custom].sort();
    if (JSON.stringify(got) !== JSON.stringify(expected)) report(`custom schemas in the ontology are ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
  }
}
