// A minimal HTTP client for tests: JSON GraphQL requests, GraphQL multipart uploads shaped like
// the Python SDK's, and plain GETs of signed URLs. Uses Node's fetch against a real server.

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: unknown[]; extensions: { code: string; exception?: { status: number } } }> };
}

/** Sends one GraphQL request as JSON. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  apiKey: string | null,
  query: string,
  variables: Record<string, unknown> | null = {},
): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (apiKey !== null) headers.Authorization = `Bearer ${apiKey}`;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: GqlResponse<T>["body"];
  try {
    body = JSON.parse(text) as GqlResponse<T>["body"];
  } catch {
    throw new Error(`Non-JSON response (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

/** Sends a GraphQL request and returns `data`, failing on any error. */
export async function data<T = Record<string, any>>(url: string, apiKey: string, query: string, variables: Record<string, unknown> | null = {}): Promise<T> {
  const r = await gql<T>(url, apiKey, query, variables);
  if (r.status !== 200 || r.body.errors?.length) throw new Error(`GraphQL failed (${r.status}): ${JSON.stringify(r.body.errors)}`);
  return r.body.data as T;
}

export const UPLOAD_DOCUMENT =
  "mutation UploadFile($file: Upload!, $contentLength: Int!,\n                                            $sign: Boolean) {\n                            uploadFile(file: $file, contentLength: $contentLength,\n                                       sign: $sign) {url filename} } ";

/** Uploads bytes as the SDK does (multipart, map {"1": ["variables.file"]}) and returns the URL. */
export async function upload(url: string, apiKey: string, content: string | Uint8Array, filename = "file.json"): Promise<string> {
  const r = await uploadRaw(url, apiKey, content, filename);
  const parsed = JSON.parse(r.text) as { data?: { uploadFile?: { url: string } }; errors?: unknown };
  if (!parsed.data?.uploadFile) throw new Error(`Upload failed (${r.status}): ${r.text.slice(0, 300)}`);
  return parsed.data.uploadFile.url;
}

/** Uploads and returns the raw status and body. */
export async function uploadRaw(url: string, apiKey: string, content: string | Uint8Array, filename = "file.json"): Promise<{ status: number; text: string }> {
  const form = new FormData();
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  form.append("operations", JSON.stringify({ variables: { file: null, contentLength: bytes.length, sign: false }, query: UPLOAD_DOCUMENT }));
  form.append("map", JSON.stringify({ 1: ["variables.file"] }));
  form.append("1", new Blob([Buffer.from(bytes)]), filename);
  const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${apiKey}` }, body: form });
  return { status: res.status, text: await res.text() };
}

/** GETs a URL without auth and returns status and bytes. */
export async function download(url: string): Promise<{ status: number; bytes: Buffer; text: string }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, text: bytes.toString("utf8") };
}

/** Polls `check` until it returns a value other than undefined (or the deadline passes). */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("Timed out waiting");
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
