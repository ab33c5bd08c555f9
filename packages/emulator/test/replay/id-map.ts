// Recorded ids and URLs differ from the ones a fresh emulator hands out. The map learns
// "recorded -> actual" by walking each recorded response beside the emulator's response, and
// rewrites later requests with it. Upload URLs are special: the capture does not record upload
// responses, so a recorded storage URL is matched to the emulator's URL of the earliest pending
// upload with the same file name when a later request first mentions it.

const ID = /^c[0-9a-z]{24}$/;
const STORAGE_URL = /https:\/\/storage\.labelbox\.com\/[^"\s\\]+/g;

export function isRecordedUrl(value: string): boolean {
  return value.startsWith("https://storage.labelbox.com/");
}

export class IdMap {
  private readonly map = new Map<string, string>();
  private readonly pendingUploads: Array<{ filename: string; url: string }> = [];

  get(recorded: string): string | undefined {
    return this.map.get(recorded);
  }

  /** An upload the emulator answered; its recorded URL is learned when first referenced. */
  addUpload(filename: string, actualUrl: string): void {
    this.pendingUploads.push({ filename, url: actualUrl });
  }

  /** Learns the ids and URLs of a recorded response from the emulator's response to the same request. */
  learn(recorded: unknown, actual: unknown): void {
    // An id present verbatim in the emulator's answer is a shared constant (e.g. a reserved
    // metadata schema id), never something to rewrite.
    const actualText = JSON.stringify(actual) ?? "";
    this.walk(recorded, actual, actualText);
  }

  private walk(recorded: unknown, actual: unknown, actualText: string): void {
    if (typeof recorded === "string" && typeof actual === "string") {
      if (recorded !== actual && (ID.test(recorded) || isRecordedUrl(recorded)) && !actualText.includes(`"${recorded}"`)) this.map.set(recorded, actual);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(actual)) {
      for (const [r, a] of pairElements(recorded, actual)) this.walk(r, a, actualText);
      return;
    }
    if (recorded && actual && typeof recorded === "object" && typeof actual === "object") {
      for (const [key, value] of Object.entries(recorded)) if (key in actual) this.walk(value, (actual as Record<string, unknown>)[key], actualText);
    }
  }

  /** Rewrites recorded ids and URLs in a text (a document, JSON variables or a file payload). */
  rewrite(text: string): string {
    for (const url of text.match(STORAGE_URL) ?? []) this.claimUpload(url);
    let out = text;
    const entries = [...this.map.entries()].sort((a, b) => b[0].length - a[0].length);
    for (const [from, to] of entries) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  }

  /** Rewrites a JSON value. */
  rewriteValue<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(this.rewrite(JSON.stringify(value))) as T);
  }

  private claimUpload(recordedUrl: string): void {
    if (this.map.has(recordedUrl)) return;
    const filename = recordedFilename(recordedUrl);
    const at = this.pendingUploads.findIndex((u) => u.filename === filename);
    if (at < 0) return;
    this.map.set(recordedUrl, this.pendingUploads[at]!.url);
    this.pendingUploads.splice(at, 1);
  }
}

/** The file name at the end of a recorded storage URL: `...%2F<uuid>-<name>?...`. */
export function recordedFilename(url: string): string {
  const path = url.split("?", 1)[0] ?? "";
  const m = /%2F[0-9a-f-]{36}-(.*)$/.exec(path);
  return m?.[1] ?? "";
}

/** What identifies an element of a list apart from ids, URLs and timestamps. */
function signature(value: unknown): string {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "";
  const parts: string[] = [];
  for (const key of ["name", "externalId", "globalKey", "external_id", "global_key", "type", "value", "message"]) {
    const v = (value as Record<string, unknown>)[key];
    if ((typeof v === "string" && !ID.test(v) && !isRecordedUrl(v) && !v.startsWith("http")) || typeof v === "number" || typeof v === "boolean") {
      parts.push(`${key}=${String(v)}`);
    }
  }
  return parts.join("|");
}

/** Pairs elements of a recorded list with the actual list: by signature, else by position. */
export function pairElements(recorded: unknown[], actual: unknown[]): Array<[unknown, unknown]> {
  const used = new Set<number>();
  const pairs: Array<[unknown, unknown]> = [];
  const unpaired: unknown[] = [];
  for (const r of recorded) {
    const sig = signature(r);
    const at = sig ? actual.findIndex((a, i) => !used.has(i) && signature(a) === sig) : -1;
    if (at >= 0) {
      used.add(at);
      pairs.push([r, actual[at]]);
    } else unpaired.push(r);
  }
  for (const r of unpaired) {
    if (signature(r)) continue; // a recorded element with an identity the emulator does not have
    const at = actual.findIndex((_a, i) => !used.has(i));
    if (at < 0) break;
    used.add(at);
    pairs.push([r, actual[at]]);
  }
  return pairs;
}
