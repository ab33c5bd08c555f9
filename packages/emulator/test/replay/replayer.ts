// Replays one capture against a fresh emulator, request by request in the recorded order, and
// reports every way a response differs from what that release accepted.
//
// - Recorded ids and URLs are rewritten to the emulator's (IdMap).
// - Polls are aligned: when the recording shows a finished task / job / export and the emulator is
//   still working, the same request is re-sent, as the SDK's polling loop would.
// - Error-mapping probes (recorded responses "probe <CODE>", the complexity error, and injected
//   HTTP statuses) are reproduced: a wrong API key for AUTHENTICATION_ERROR, and one-shot faults
//   from the emulator's fault injection for the rest, then the envelope is checked.
import { buildSchema, type GraphQLSchema } from "graphql";
import { schemaSDL } from "../../src/generated/schema.js";
import type { RunningEmulator } from "../../src/index.js";
import type { FaultRule } from "../../src/faults.js";
import { operationName, stepOf, type Capture, type CaptureEntry } from "./capture.js";
import { IdMap } from "./id-map.js";
import { checkShape } from "./shape.js";
import { FakeState, checkOntology, compareWithRecording, noteFakeState } from "./fake-differences.js";

const schema: GraphQLSchema = buildSchema(schemaSDL);
const DROP_HEADERS = new Set(["content-length", "connection", "accept-encoding", "host", "user-agent"]);

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string; exception?: { status?: number } } }> } | null;
}

export interface ReplayReport {
  requests: number;
  problems: string[];
}

export async function replay(capture: Capture, emulator: RunningEmulator): Promise<ReplayReport> {
  const ids = new IdMap();
  const problems: string[] = [];
  const origin = new URL(emulator.url).origin;
  let lastExportChunk: { start: number; end: number } | null = null;
  let lastTaskStatus: string | null = null;
  let requests = 0;
  const fake = new FakeState();
  const customSchemas = new Set<string>();

  for (let i = 0; i < capture.log.length; i++) {
    const entry = capture.log[i]!;
    const step = stepOf(capture, i);
    const where = `#${i} ${step?.step ?? "?"} ${entry.kind === "graphql" ? operationName(entry.query) : entry.kind}`;
    const report = (message: string): void => void problems.push(`${where}: ${message}`);

    if (step?.step === "create_dataset_default_iam" && step.from === i) {
      // The recording's org gained a default AWS integration between these two steps.
      await control(emulator, "/_emulator/iam-integrations", { name: "aws", provider: "AWS", isOrgDefault: true, settings: { roleArn: "arn:aws:iam::1:role/x" } });
    }

    if (entry.kind === "download") {
      const url = ids.get(entry.url);
      if (!url) {
        report(`no emulator URL is known for recorded ${entry.url.slice(0, 80)}`);
        continue;
      }
      requests += 1;
      const res = await fetch(url);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) report(`download returned ${res.status}`);
      else checkDownload(entry.url, body, lastExportChunk, lastTaskStatus, report);
      continue;
    }

    if (entry.kind === "multipart") {
      requests += 1;
      const sent = await sendMultipart(emulator, entry, ids);
      const url = (sent.json?.data as { uploadFile?: { url?: string } } | undefined)?.uploadFile?.url;
      if (sent.status !== 200 || !url) report(`upload failed: ${sent.status} ${sent.text.slice(0, 200)}`);
      else ids.addUpload(entry.parts?.[2]?.filename ?? "", url);
      continue;
    }

    // A GraphQL request.
    const query = ids.rewrite(entry.query ?? "");
    const variables = ids.rewriteValue(entry.variables ?? null);
    const op = operationName(query);
    const recordedError = entry.response?.errors?.[0];
    const probe = recordedError && (recordedError.message.startsWith("probe ") || recordedError.message === "Query complexity limit exceeded");
    let apiKey = "test-api-key";
    if (probe && recordedError.extensions.code === "AUTHENTICATION_ERROR") apiKey = "not-a-valid-key";
    else if (probe) {
      const status = recordedError.extensions.exception?.status;
      emulator.faults.add([{ kind: "graphql-error", operation: op ?? "*", code: recordedError.extensions.code, status: status ?? null, message: recordedError.message, times: 1 }]);
    }
    if (entry.injected_http !== undefined) emulator.faults.add([httpFault(entry.injected_http, op)]);

    let sent = await sendJson(origin, entry, query, variables, apiKey);
    requests += 1;
    // Align polls: the recording shows the work finished; re-send while the emulator is still busy.
    for (let attempt = 0; entry.response && stillRunning(entry.response.data, sent.json?.data) && attempt < 500; attempt++) {
      await new Promise((r) => setTimeout(r, 20));
      sent = await sendJson(origin, entry, query, variables, apiKey);
      requests += 1;
    }

    if (entry.injected_http !== undefined) {
      checkInjected(entry.injected_http, sent, report);
      continue;
    }
    if (probe) {
      const expectedStatus = recordedError.extensions.code === "AUTHENTICATION_ERROR" ? 401 : 200;
      const got = sent.json?.errors?.[0];
      if (sent.status !== expectedStatus) report(`probe ${recordedError.extensions.code}: HTTP ${sent.status}, expected ${expectedStatus}`);
      if (got?.extensions?.code !== recordedError.extensions.code) report(`probe: code ${got?.extensions?.code}, expected ${recordedError.extensions.code}`);
      if ((got?.extensions?.exception?.status ?? null) !== (recordedError.extensions.exception?.status ?? null)) {
        report(`probe: exception.status ${got?.extensions?.exception?.status}, expected ${recordedError.extensions.exception?.status}`);
      }
      if (recordedError.message === "Query complexity limit exceeded" && got?.message !== recordedError.message) report(`complexity message is ${JSON.stringify(got?.message)}`);
      continue;
    }
    if (recordedError) {
      // A real error of the recording (e.g. RESOURCE_NOT_FOUND for a missing row).
      const got = sent.json?.errors?.[0];
      if (got?.extensions?.code !== recordedError.extensions.code) report(`expected error ${recordedError.extensions.code}, got ${sent.status} ${sent.text.slice(0, 200)}`);
      continue;
    }
    if (sent.status !== 200 || !sent.json || sent.json.errors?.length) {
      report(`HTTP ${sent.status}: ${sent.text.slice(0, 300)}`);
      continue;
    }
    for (const p of checkShape(schema, query, sent.json.data)) report(p);
    for (const p of compareWithRecording(entry, variables, sent.json.data, fake)) report(p);
    checkOntology(op, variables, sent.json.data, customSchemas, report);
    ids.learn(entry.response?.data, sent.json.data);
    noteFakeState(entry, fake);
    const chunk = (sent.json.data as { task?: { exportFileFromOffset?: { offsets?: { start: number; end: number } } } } | null)?.task?.exportFileFromOffset?.offsets;
    if (chunk) lastExportChunk = chunk;
    const tasks = (sent.json.data as { user?: { createdTasks?: Array<{ status: string }> } } | null)?.user?.createdTasks;
    if (tasks?.[0]) lastTaskStatus = tasks[0].status;
  }
  return { requests, problems };
}

function httpFault(status: number, op: string | null): FaultRule {
  const operation = op ?? "*";
  if (status === 429) return { kind: "rate-limit", operation, retryAfter: 1, times: 1 };
  if (status === 200) return { kind: "bad-body", operation, status: 200, message: "not json", times: 1 };
  if (status >= 500) return { kind: "http", operation, status, body: "text", times: 1 };
  return { kind: "http", operation, status, message: "Unauthorized", times: 1 };
}

function checkInjected(status: number, sent: Sent, report: (m: string) => void): void {
  if (sent.status !== status) return report(`injected HTTP ${status}, got ${sent.status}`);
  if (status === 429) {
    const message = (sent.json as { message?: string } | null)?.message ?? "";
    if (!message.startsWith("You have exceeded")) report(`429 body message is ${JSON.stringify(message)}`);
    if (!sent.headers.get("retry-after")) report("429 without Retry-After");
  }
  if (status === 200 && sent.json !== null) report("bad-body fault returned JSON");
}

/** True while the emulator still works on something the recording shows as finished. */
function stillRunning(recorded: unknown, actual: unknown): boolean {
  const states = (value: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if ((k === "status" || k === "jobStatus") && typeof x === "string") out.push(x);
          else walk(x);
        }
      }
    };
    walk(value);
    return out;
  };
  const r = states(recorded);
  const a = states(actual);
  return r.some((s, i) => (s === "COMPLETE" || s === "FAILED") && (a[i] === "IN_PROGRESS" || a[i] === "PENDING"));
}

function checkDownload(recordedUrl: string, body: Buffer, chunk: { start: number; end: number } | null, taskStatus: string | null, report: (m: string) => void): void {
  const name = recordedUrl.split("?", 1)[0] ?? "";
  const text = body.toString("utf8");
  if (name.endsWith("result.json")) {
    let parsed: { createdDataRows?: unknown; errors?: unknown; error?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return report("JSON Import result file is not JSON");
    }
    if (!Array.isArray(parsed.createdDataRows) || !Array.isArray(parsed.errors)) report("result file lacks createdDataRows / errors lists");
    if (taskStatus === "FAILED" && parsed.error === undefined) report("result file of a FAILED task has no error");
    for (const row of (parsed.createdDataRows as Array<Record<string, unknown>>) ?? []) {
      if (typeof row.id !== "string" || typeof row.rowData !== "string") report(`created row without id / rowData: ${JSON.stringify(row)}`);
    }
    return;
  }
  if (name.endsWith("export-part.ndjson")) {
    if (!chunk) return report("export chunk downloaded before any exportFileFromOffset");
    if (body.length !== chunk.end - chunk.start + 1) report(`export chunk has ${body.length} bytes, offsets say ${chunk.end - chunk.start + 1}`);
  }
  const lines = text.split("\n").filter((l) => l.length > 0);
  for (const line of lines) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return report(`export line is not JSON: ${line.slice(0, 100)}`);
    }
    if (name.endsWith("/export.ndjson") || /-export\.ndjson$/.test(name)) {
      for (const key of ["id", "rowData", "externalId", "globalKey", "createdAt", "updatedAt", "mediaAttributes", "metadataFields", "customMetadata"]) {
        if (!(key in parsed)) report(`v1 export line lacks ${key}`);
      }
      if (!Array.isArray(parsed.customMetadata)) report("v1 export customMetadata is not a list");
    } else {
      const dataRow = parsed.data_row as Record<string, unknown> | undefined;
      if (!dataRow || typeof dataRow.id !== "string" || !("global_key" in dataRow)) report(`v2 export line lacks data_row.id / global_key`);
      if (!parsed.media_attributes || typeof parsed.media_attributes !== "object") report("v2 export line lacks media_attributes");
    }
  }
}

async function sendJson(origin: string, entry: CaptureEntry, query: string, variables: unknown, apiKey: string): Promise<Sent> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry.headers)) if (!DROP_HEADERS.has(k.toLowerCase())) headers[k] = v;
  headers.Authorization = `Bearer ${apiKey}`;
  const res = await fetch(`${origin}${new URL(entry.url).pathname}`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return toSent(res);
}

async function sendMultipart(emulator: RunningEmulator, entry: CaptureEntry, ids: IdMap): Promise<Sent> {
  const boundary = /boundary=([^;]+)/.exec(entry.headers["Content-Type"] ?? "")?.[1] ?? "replayboundary";
  const chunks: Buffer[] = [];
  for (const part of entry.parts ?? []) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${part.content_disposition}\r\n${part.content_type ? `Content-Type: ${part.content_type}\r\n` : ""}\r\n`));
    chunks.push(Buffer.from(ids.rewrite(part.payload), "utf8"));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry.headers)) if (!DROP_HEADERS.has(k.toLowerCase())) headers[k] = v;
  const res = await fetch(`${new URL(emulator.url).origin}${new URL(entry.url).pathname}`, { method: "POST", headers, body: Buffer.concat(chunks) });
  return toSent(res);
}

async function toSent(res: Response): Promise<Sent> {
  const text = await res.text();
  let json: Sent["json"] = null;
  try {
    json = JSON.parse(text) as Sent["json"];
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function control(emulator: RunningEmulator, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${new URL(emulator.url).origin}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`control ${path} failed: ${res.status} ${await res.text()}`);
}
