// The recorded traffic in ../shared/spec/captures/<release>.json: `log` (every request, with the
// response that release accepted) and `notes` (step boundaries and each call's outcome).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface CapturePart {
  content_disposition: string;
  content_type: string | null;
  name: string;
  filename: string | null;
  payload: string;
}

export interface CaptureEntry {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  kind: "graphql" | "multipart" | "download";
  query?: string;
  variables?: Record<string, unknown> | null;
  response?: { data: unknown; errors?: Array<{ message: string; extensions: { code: string; exception?: { status: number } } }> };
  injected_http?: number;
  parts?: CapturePart[];
}

export interface CaptureNote {
  step: string;
  ok: boolean;
  result?: string;
  exc?: string;
  msg?: string;
  from?: number;
  to?: number;
}

export interface Capture {
  version: string;
  log: CaptureEntry[];
  notes: CaptureNote[];
}

export const capturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../shared/spec/captures");

export function captureFiles(): string[] {
  return fs
    .readdirSync(capturesDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

export function loadCapture(file: string): Capture {
  return JSON.parse(fs.readFileSync(path.join(capturesDir, file), "utf8")) as Capture;
}

/** The note whose step covers log entry `index`. */
export function stepOf(capture: Capture, index: number): CaptureNote | undefined {
  return capture.notes.find((n) => n.from !== undefined && n.to !== undefined && n.from <= index && index < n.to);
}

/** The operation name of a document. */
export function operationName(query: string | undefined): string | null {
  return query ? (/\b(?:query|mutation)\s+([_A-Za-z]\w*)/.exec(query)?.[1] ?? null) : null;
}
