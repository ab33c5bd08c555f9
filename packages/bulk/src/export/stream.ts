import {
  execute,
  isLbxError,
  GetExportFileFromOffsetPyApiDocument,
  GetExportMetadataHeaderPyApiDocument,
  LabelboxError,
  type LbxClient,
  RateLimitError,
  ServerError,
} from "@lbx/core";
import { NetworkError, parseRetryAfter, sleep } from "@lbx/transport";
import { abortError, throwIfAborted } from "../abort.js";
import { backoffMs, isTransient, type RetryOptions, withRetry } from "../retry.js";

/** Size of a finished export's result stream. */
export interface StreamHeader {
  readonly totalSize: number;
  readonly totalLines: number | undefined;
}

/** The header of a task's RESULT stream; undefined when the stream does not exist (an empty export). */
export async function streamHeader(client: LbxClient, taskId: string, retry: RetryOptions): Promise<StreamHeader | undefined> {
  const data = await withRetry(
    () => execute(client, GetExportMetadataHeaderPyApiDocument, { where: { id: taskId }, streamType: "RESULT" }, { signal: retry.signal }),
    retry,
  );
  const header = data.task?.exportMetadataHeader;
  if (!header || header.totalSize === null) return undefined;
  const totalLines = header.totalLines === null ? undefined : Number(header.totalLines);
  return { totalSize: Number(header.totalSize), totalLines };
}

/**
 * The bytes of a finished export's RESULT stream, in order, each piece ending at a line boundary
 * (the last piece may lack its final newline). Memory holds one network read plus one partial
 * line, whatever the export's size, and at most one more file opened ahead.
 *
 * The stream is read as the Python SDK does (spec §8.2): `exportFileFromOffset(offset)` names a
 * signed file holding bytes [start, end]; the file is fetched (without the API key) and its length
 * checked against `end - start + 1`; the next offset is `end + 1`. While one file is read, the
 * next one is already asked for and opened, so the round trips between files overlap the reading
 * instead of adding up (measured: 8 files of 4 MiB took ~12 ms of waiting each, ~15% of a
 * 100,000-row export on this machine; over the internet each costs a full round trip or two).
 * A read that breaks off (dropped connection, short body, 5xx) starts again at the first byte not
 * yet handed out, so no line is lost or repeated.
 */
export async function* exportBytes(client: LbxClient, taskId: string, header: StreamHeader, retry: RetryOptions): AsyncGenerator<Uint8Array> {
  const { totalSize } = header;
  const attempts = retry.attempts ?? 8;
  let offset = 0;
  let failures = 0;
  while (offset < totalSize) {
    // Bytes after `offset` read but not handed out: the start of a line not complete yet.
    let carry: Uint8Array = new Uint8Array(0);
    let ahead: Promise<OpenFile> | undefined;
    try {
      let file = await openFile(client, taskId, offset, retry);
      for (;;) {
        const after = file.end + 1;
        ahead = after < totalSize ? openFile(client, taskId, after, retry) : undefined;
        ahead?.catch(() => undefined); // its failure is met when it is awaited
        let received = 0;
        for await (const piece of bodyOf(file.response, retry.signal)) {
          received += piece.length;
          const newline = piece.lastIndexOf(10);
          if (newline < 0) {
            carry = concat(carry, piece);
            continue;
          }
          // The line carried over is completed in a piece of its own, so the rest of the read goes
          // out as a view, not copied: a copy of every ~64 KB read was the export's largest own cost.
          let from = 0;
          if (carry.length > 0) {
            from = piece.indexOf(10) + 1;
            const line = concat(carry, piece.subarray(0, from));
            offset += line.length;
            yield line;
          }
          const out = piece.subarray(from, newline + 1);
          carry = piece.slice(newline + 1);
          failures = 0;
          if (out.length > 0) {
            offset += out.length;
            yield out;
          }
        }
        if (received !== file.end - file.start + 1) {
          throw new NetworkError(`Export ${taskId}: file for bytes ${file.start}-${file.end} had ${received} bytes, expected ${file.end - file.start + 1}`);
        }
        if (ahead === undefined) break;
        file = await ahead;
        ahead = undefined;
      }
      // The stream's last line, when it has no final newline.
      if (carry.length > 0) {
        offset += carry.length;
        yield carry;
      }
    } catch (error) {
      failures += 1;
      // Whichever wait or read the abort interrupted, the caller gets the one documented AbortError.
      if (retry.signal?.aborted) throw abortError(retry.signal);
      if (!isTransient(error) || failures >= attempts) throw error;
      const hinted = error instanceof RateLimitError ? error.retryAfterMs : undefined;
      await sleep(hinted ?? backoffMs(failures, 250, 10_000, retry.random ?? Math.random), retry.signal, retry.clock);
    } finally {
      // A file opened ahead and never read (an error, or the consumer stopped early): close it.
      void ahead?.then((f) => f.response.body?.cancel()).catch(() => undefined);
    }
  }
}

/** One file of the stream, opened: bytes [start, end] of it, the body not read yet. */
interface OpenFile {
  readonly start: number;
  readonly end: number;
  readonly response: Response;
}

/** Asks for the file holding the stream's bytes from `offset` on, checks its range and opens it. */
async function openFile(client: LbxClient, taskId: string, offset: number, retry: RetryOptions): Promise<OpenFile> {
  const data = await withRetry(
    () => execute(client, GetExportFileFromOffsetPyApiDocument, { where: { id: taskId }, streamType: "RESULT", offset: String(offset) }, { signal: retry.signal }),
    retry,
  );
  const file = data.task?.exportFileFromOffset;
  if (!file) throw new LabelboxError("BAD_RESPONSE", `Export ${taskId} has no stream data at offset ${offset}`, { operationName: "GetExportFileFromOffsetPyApi" });
  const start = Number(file.offsets.start);
  const end = Number(file.offsets.end);
  if (start !== offset || !(end >= start)) {
    throw new LabelboxError("BAD_RESPONSE", `Export ${taskId}: asked for offset ${offset}, got bytes ${start}-${end}`, { operationName: "GetExportFileFromOffsetPyApi" });
  }
  return { start, end, response: await download(client, file.file, retry.signal) };
}

/**
 * The response body; a body that breaks off (the connection closed mid-transfer: undici throws
 * a bare `TypeError: terminated`) fails with a `NetworkError`, which is retried, not fatal. An
 * abort fails it with the lbx `AbortError`.
 */
async function* bodyOf(response: Response, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  const reader = response.body!.getReader();
  // fetch should fail a pending read when the signal aborts, but Node 20's (undici 6) leaves it
  // pending for ever once the whole body has arrived and only its end is left to read: the
  // export hung. Cancelling the reader ends any read at once, whatever fetch does.
  const stop = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener("abort", stop);
  try {
    throwIfAborted(signal);
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        throwIfAborted(signal);
        if (isLbxError(error)) throw error;
        throw new NetworkError(`The export file download broke off: ${(error as Error | null)?.message ?? error}`, { cause: error });
      }
      // A read the abort ended (as `done`, or with bytes that came first) is not the file's end.
      throwIfAborted(signal);
      if (step.done) return;
      yield step.value;
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    reader.releaseLock();
    await response.body?.cancel().catch(() => undefined);
  }
}

/** GETs a signed export file. The `download` kind keeps the API key off the request. */
async function download(client: LbxClient, url: string, signal: AbortSignal | undefined): Promise<Response> {
  const response = await client.send({
    url,
    method: "GET",
    headers: {},
    ...(signal ? { signal } : {}),
    operation: { name: "download", kind: "download", idempotent: true },
    attempt: 1,
  });
  if (response.ok && response.body) return response;
  await response.body?.cancel().catch(() => undefined);
  const context = { operationName: "download", status: response.status };
  const message = `Export file download failed with HTTP ${response.status}`;
  if (response.status === 429) throw new RateLimitError(message, parseRetryAfter(response.headers, Date.now())?.ms, context);
  // 5xx, and 403/404 from a signed URL that expired meanwhile: asking for the offset again gives a fresh URL.
  if (response.status >= 500 || response.status === 403 || response.status === 404) throw new ServerError(message, context);
  throw new LabelboxError("HTTP_ERROR", message, context);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
