// Row data forms (spec §2, §5.1, §7.1): a URL or raw text; a tiled-imagery object (kept as JSON
// text); a `{pdfUrl, ...}` object (row data becomes the PDF URL, the rest goes into media
// attributes); a conversational object (stored as a file, row data becomes its URL). A declared
// media type must be a known one and fit the content.

/** Media types of the wire enum. */
export const mediaTypes: readonly string[] = [
  "AUDIO", "CONVERSATIONAL", "DICOM", "HTML", "IMAGE", "JSON", "PDF", "TEXT", "TMS_GEO", "TMS_SIMPLE", "VIDEO",
  "POINT_CLOUD", "LLM", "LLM_PROMPT_CREATION", "LLM_PROMPT_RESPONSE_CREATION", "UNKNOWN",
];

/** Media types whose row data is a file or text, so a JSON object cannot be their content. */
const ASSET_MEDIA_TYPES = new Set(["AUDIO", "DICOM", "IMAGE", "PDF", "TEXT", "VIDEO", "HTML"]);

/** Row data ready to store. `conversational` is set when the caller must store it as a file. */
export type RowDataCheck =
  | { ok: true; rowData: string; attributes: Record<string, unknown>; conversational?: unknown }
  | { ok: false; reason: string };

/** Checks and normalizes row data given as a string or an object, with an optional media type. */
export function checkRowData(raw: unknown, mediaType: unknown, maxTextLength: number): RowDataCheck {
  if (mediaType !== undefined && mediaType !== null) {
    if (typeof mediaType !== "string" || !mediaTypes.includes(mediaType)) {
      return { ok: false, reason: `Found invalid media type: '${String(mediaType)}'` };
    }
  }
  const declared = typeof mediaType === "string" ? mediaType : null;
  if (typeof raw === "string") {
    if (raw.length === 0) return { ok: false, reason: "row_data must not be empty" };
    if (raw.startsWith("s3://")) return { ok: false, reason: "row_data: s3 assets must start with 'https'." };
    const parsed = raw.startsWith("{") ? tryParseObject(raw) : null;
    if (parsed) return checkObject(parsed, declared);
    if (!isUrl(raw) && raw.length > maxTextLength) {
      return { ok: false, reason: `Raw text row_data is longer than ${maxTextLength} characters` };
    }
    return { ok: true, rowData: raw, attributes: { mimeType: declaredMime(declared) ?? guessMimeType(raw) } };
  }
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) return checkObject(raw as Record<string, unknown>, declared);
  return { ok: false, reason: "row_data is required and must be a string or an object" };
}

function checkObject(value: Record<string, unknown>, declared: string | null): RowDataCheck {
  if (declared && ASSET_MEDIA_TYPES.has(declared) && typeof value.pdfUrl !== "string") {
    return { ok: false, reason: `Found invalid contents for media type: '${declared}'` };
  }
  if (typeof value.pdfUrl === "string") {
    const { pdfUrl, ...rest } = value;
    return { ok: true, rowData: pdfUrl, attributes: { mimeType: "application/pdf", ...rest } };
  }
  if (isConversational(value)) {
    return { ok: true, rowData: "", attributes: { mimeType: "application/vnd.labelbox.conversational" }, conversational: value };
  }
  return { ok: true, rowData: JSON.stringify(value), attributes: { mimeType: "application/json" } };
}

function isConversational(value: Record<string, unknown>): boolean {
  return Array.isArray(value.messages) || (typeof value.type === "string" && value.type.startsWith("application/vnd.labelbox.conversational"));
}

function tryParseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** True for http(s), gs and s3 URLs. */
export function isUrl(text: string): boolean {
  return /^(https?|gs|s3):\/\//i.test(text);
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp", bmp: "image/bmp",
  tif: "image/tiff", tiff: "image/tiff", svg: "image/svg+xml", mp4: "video/mp4", mov: "video/quicktime", avi: "video/x-msvideo",
  webm: "video/webm", mkv: "video/x-matroska", mp3: "audio/mpeg", wav: "audio/wav", ogg: "audio/ogg", flac: "audio/flac",
  pdf: "application/pdf", txt: "text/plain", html: "text/html", htm: "text/html", json: "application/json", dcm: "application/dicom",
};

const MIME_BY_MEDIA_TYPE: Record<string, string> = {
  TEXT: "text/plain", HTML: "text/html", PDF: "application/pdf", JSON: "application/json", DICOM: "application/dicom",
  CONVERSATIONAL: "application/vnd.labelbox.conversational",
};

function declaredMime(mediaType: string | null): string | undefined {
  return mediaType ? MIME_BY_MEDIA_TYPE[mediaType] : undefined;
}

/**
 * A MIME type guessed from a URL's extension (the letters and digits after the last dot of the
 * path, before any `?` or `#`); raw text is text/plain. Scanned by hand: every imported row comes
 * through here, and the two expressions it took were ~2% of an import task's CPU.
 */
export function guessMimeType(rowData: string): string {
  if (!isUrl(rowData)) return "text/plain";
  const query = rowData.indexOf("?");
  const fragment = rowData.indexOf("#");
  const end = query < 0 ? (fragment < 0 ? rowData.length : fragment) : fragment < 0 ? query : Math.min(query, fragment);
  let i = end - 1;
  while (i >= 0 && isAlphanumeric(rowData.charCodeAt(i))) i--;
  if (i === end - 1 || i < 0 || rowData.charCodeAt(i) !== 0x2e /* . */) return "application/octet-stream";
  const ext = rowData.slice(i + 1, end).toLowerCase();
  // Own keys only: an extension such as ".constructor" must not find Object.prototype's.
  return Object.hasOwn(MIME_BY_EXTENSION, ext) ? MIME_BY_EXTENSION[ext]! : "application/octet-stream";
}

function isAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The MIME type of uploaded bytes, from their first bytes. */
export function sniffMimeType(head: Buffer): string {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x89504e47) return "image/png";
  if (head.subarray(0, 4).toString("latin1") === "GIF8") return "image/gif";
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  const text = head.toString("utf8").trimStart();
  if (text.startsWith("{") || text.startsWith("[")) return "application/json";
  if (/^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffff]*$/.test(head.toString("utf8"))) return "text/plain";
  return "application/octet-stream";
}
