import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The recorded protocol lives beside the repository (../shared/spec); LBX_SPEC_DIR overrides it.
export const SPEC_DIR = process.env["LBX_SPEC_DIR"] ?? fileURLToPath(new URL("../../../../../shared/spec/", import.meta.url));

/** The exact text of a recorded document, e.g. `specDocument("GetDataRowPyApi__3ce38699")`. */
export function specDocument(file: string): string {
  return readFileSync(`${SPEC_DIR}ops/${file}.graphql`, "utf8");
}

/** The sample variables recorded beside a document. */
export function specVariables(file: string): unknown {
  return JSON.parse(readFileSync(`${SPEC_DIR}ops/${file}.vars.json`, "utf8"));
}

export interface CaptureEntry {
  readonly kind: string;
  readonly query?: string;
  readonly variables?: unknown;
  readonly response?: unknown;
  readonly parts?: readonly { name: string; filename: string | null; content_type: string | null; payload: string }[];
}

export interface Capture {
  readonly log: readonly CaptureEntry[];
  readonly notes: readonly { step: string; ok: boolean; exc?: string; msg?: string; from: number; to: number }[];
}

/** A release's recorded traffic, e.g. `capture("v.6.0.0")`. */
export function capture(release: string): Capture {
  return JSON.parse(readFileSync(`${SPEC_DIR}captures/${release}.json`, "utf8")) as Capture;
}

/** The requests one documented step sent. */
export function stepRequests(c: Capture, step: string): readonly CaptureEntry[] {
  const note = c.notes.find((n) => n.step === step);
  if (!note) throw new Error(`no step ${step}`);
  return c.log.slice(note.from, note.to);
}
