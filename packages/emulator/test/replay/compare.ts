// Compares the emulator's response with the recorded one, beyond shape: list lengths, states and
// every value that is not an id, URL or timestamp. Differences the fake server of the recording
// made up, and time passing during polls, are skipped here with the reason next to each rule.
import { isRecordedUrl, pairElements } from "./id-map.js";

const ID = /^c[0-9a-z]{24}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const RUNNING = new Set(["IN_PROGRESS", "PENDING"]);

/** Keys whose recorded values were invented by the recording's fake server. */
const FAKE_VALUES = new Set([
  "mediaAttributes", // the fake returned width/height 10 for every asset; the SDK only needs an object
  "media_attributes",
  "intercomHash", // user profile values of the fake user ("x", dev@example.com, ...)
  "email",
  "nickname",
  "picture",
  "totalSize", // byte sizes of export files depend on ids and URLs, which differ
  "offsets",
  "contentLength",
]);

/** Objects whose fields are all made-up profile values except their id. */
const PROFILE_PATHS = [/\.user$/, /\.organization$/];

export function compareResponses(recorded: unknown, actual: unknown, path: string, problems: string[]): void {
  if (recorded === null || recorded === undefined) {
    if (actual !== null && actual !== undefined && !path.endsWith(".description")) problems.push(`${path}: recorded null, got ${short(actual)}`);
    return;
  }
  if (actual === null || actual === undefined) return void problems.push(`${path}: recorded ${short(recorded)}, got ${String(actual)}`);
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual)) return void problems.push(`${path}: recorded a list, got ${short(actual)}`);
    if (recorded.length !== actual.length) problems.push(`${path}: recorded ${recorded.length} items, got ${actual.length}`);
    pairElements(recorded, actual).forEach(([r, a], i) => compareResponses(r, a, `${path}[${i}]`, problems));
    return;
  }
  if (typeof recorded === "object") {
    if (typeof actual !== "object") return void problems.push(`${path}: recorded an object, got ${short(actual)}`);
    const r = recorded as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    if (PROFILE_PATHS.some((p) => p.test(path))) return;
    // A poll recorded while the work was still running: the emulator may already be done.
    if (typeof r.status === "string" && RUNNING.has(r.status)) return;
    if (typeof r.jobStatus === "string" && RUNNING.has(r.jobStatus)) return;
    for (const [key, value] of Object.entries(r)) {
      if (FAKE_VALUES.has(key) || !(key in a)) continue;
      compareResponses(value, a[key], `${path}.${key}`, problems);
    }
    return;
  }
  if (typeof recorded === "string") {
    if (ID.test(recorded) || isRecordedUrl(recorded) || ISO.test(recorded) || recorded.startsWith("http")) {
      if (typeof actual !== "string") problems.push(`${path}: recorded a string, got ${short(actual)}`);
      return;
    }
  }
  if (recorded !== actual) problems.push(`${path}: recorded ${short(recorded)}, got ${short(actual)}`);
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
