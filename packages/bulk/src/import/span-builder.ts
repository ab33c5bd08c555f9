import { taskRowsAt } from "../chunk.js";
import { CheckpointMismatchError } from "../errors.js";
import type { Hash64, RollingHash } from "../hash.js";
import { normalizeGlobalKey } from "../outcomes.js";
import { withRetry } from "../retry.js";
import { Semaphore } from "../semaphore.js";
import { BufferPool, ChunkBody, uploadJson } from "../upload.js";
import type { CheckpointState, SpanRecord } from "./checkpoint.js";
import type { ImportContext } from "./context.js";
import type { EncodedRow } from "./encoder.js";
import { existingRowIds } from "./lookup.js";
import { Span } from "./span.js";

export const SKIPPED_REASON = "a data row with this global key already exists";

/**
 * Groups encoded rows, in input order, into spans (one server task each) and chunk files.
 *
 * Span boundaries depend only on the input and the options (a span ends when it holds
 * `taskRowsAt(start)` rows meant for the server, the first and last tasks being small, or
 * `maxLocalsPerSpan` rows decided locally, or at the end of the input), never on timing or on
 * what the server says. Spans recorded in the checkpoint are re-cut at their recorded
 * boundaries, and the fingerprint of the rows read so far must match the recorded one; the rows
 * after them were never sent, so how they are cut does not matter (`expectedTotal` may change).
 *
 * A chunk file is uploaded as soon as it is full (bytes or rows), so memory holds one chunk, not
 * one task. With `onDuplicate` `skip` or `update`, the chunk's global keys are looked up first.
 */
export class SpanBuilder {
  private current: Span | undefined;
  /** The chunk file being filled: its bytes, and per row its input index, identity and global key. */
  private chunk: ChunkBody | undefined;
  private chunkRows: Array<{ index: number; identity: Hash64; globalKey: string | undefined }> = [];
  private recordedAt = 0;
  private next = 0;
  private readonly uploads: Semaphore;
  /** Chunk buffers, reused: one per upload in flight and one being filled, plus spares. */
  private readonly buffers: BufferPool;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly recorded: readonly SpanRecord[];
  private readonly doneBefore: number;
  private readonly doneHash: string;

  constructor(
    private readonly ctx: ImportContext,
    resumed: CheckpointState,
    private readonly rolling: RollingHash,
    private readonly onClosed: (span: Span) => Promise<void>,
  ) {
    this.recorded = [...resumed.spans]; // a copy: the checkpoint adds this run's spans to its own list
    this.doneBefore = resumed.doneBefore;
    this.doneHash = resumed.doneHash;
    this.uploads = new Semaphore(ctx.settings.maxUploadsInFlight);
    this.buffers = new BufferPool();
  }

  /** Whether row `index` will be sent by this run (false: already reported, or its task already exists). */
  willSend(index: number): boolean {
    if (index < this.doneBefore) return false;
    const record = this.recorded.find((r) => index >= r.start && index < r.end);
    return !record || record.state === "submitting";
  }

  /** Takes the next row in input order. Returns a promise only when it has to wait (a chunk upload slot, room for a span). */
  add(row: EncodedRow): void | Promise<void> {
    const i = row.index;
    if (i !== this.next) throw new Error(`internal: row ${i} arrived, expected ${this.next}`);
    this.next = i + 1;
    this.ctx.progress.validated += 1;
    if (i < this.doneBefore) {
      this.rolling.update(row.rowHash);
      if (i === this.doneBefore - 1) this.verify(this.doneHash, this.doneBefore);
      return;
    }
    const span = this.current;
    // A new span ends where the next recorded one starts (a gap left by a span the killed run
    // had not submitted yet), or when it holds a task's worth of rows.
    const full = span?.plan === "new" && ((row.kind === "send" && span.planned >= taskRowsAt(span.start, this.ctx.settings.limits, this.ctx.options.expectedTotal)) || this.recorded[this.recordedAt]?.start === i);
    if (full) return this.close(i).then(() => this.addToSpan(row));
    return this.addToSpan(row);
  }

  private addToSpan(row: EncodedRow): void | Promise<void> {
    const span = this.current ?? this.open(row.index);
    this.rolling.update(row.rowHash);
    const placed = this.place(span, row);
    const end = row.index + 1;
    const after = () => {
      if (span.record ? end === span.record.end : span.locals.length >= this.ctx.settings.maxLocalsPerSpan) return this.close(end);
      return undefined;
    };
    return placed ? placed.then(after) : after();
  }

  /** Closes the last span; checks that the input was as long as the checkpoint says. */
  async finish(): Promise<void> {
    if (this.next < this.doneBefore) {
      throw new CheckpointMismatchError(`The input has ${this.next} rows, but the checkpoint says ${this.doneBefore} were already imported`);
    }
    if (this.current) await this.close(this.next);
    if (this.recordedAt < this.recorded.length) {
      throw new CheckpointMismatchError(`The input ended at row ${this.next}, before the rows the checkpoint records as sent (up to row ${this.recorded.at(-1)!.end})`);
    }
  }

  /** After a fatal error: resolves once no upload this builder started is still running. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private open(i: number): Span {
    const next = this.recorded[this.recordedAt];
    if (next && next.start < i) throw new Error(`internal: span recorded at row ${next.start}, input at row ${i}`);
    const record = next?.start === i ? next : undefined;
    const span = record ? new Span(i, record.state === "submitted" ? "attach" : "resubmit", record) : new Span(i, "new", undefined);
    if (record) this.recordedAt += 1;
    this.current = span;
    return span;
  }

  private place(span: Span, row: EncodedRow): void | Promise<void> {
    if (row.kind === "local") {
      span.locals.push(row.outcome);
      return;
    }
    span.planned += 1;
    const offset = row.index - span.start;
    if (span.plan !== "new") {
      // Decisions recorded by the run that sent this span are replayed, never made again.
      if (span.recordedSkipped?.has(offset) && row.globalKey !== undefined) {
        span.skippedOffsets.push(offset);
        // Only looked up (emit.ts), so stored as the server stores it, as in applyExistingKeys.
        span.skippedToLookUp.push({ index: row.index, globalKey: normalizeGlobalKey(row.globalKey) });
        span.locals.push({ index: row.index, status: "skipped", reason: SKIPPED_REASON, globalKey: row.globalKey });
        return;
      }
      if (span.recordedExisting?.has(offset)) span.existingOffsets.push(offset);
      if (span.plan === "attach") {
        span.identity.add(row.index, row.identity);
        return;
      }
    }
    const { bytes } = row;
    const { maxChunkBytes, maxChunkRows } = this.ctx.settings.limits;
    const chunk = this.chunk;
    const full = chunk !== undefined && (chunk.rows === maxChunkRows || chunk.size + (chunk.rows ? 1 : 0) + bytes > maxChunkBytes);
    // The row's JSON goes into the chunk's bytes now; only its index, identity and key are kept.
    const append = () => {
      (this.chunk ??= new ChunkBody(this.buffers, maxChunkBytes)).add(row.json, bytes);
      this.chunkRows.push({ index: row.index, identity: row.identity, globalKey: row.globalKey });
    };
    if (full) return this.flush(span).then(append);
    append();
  }

  private async close(end: number): Promise<void> {
    const span = this.current!;
    this.current = undefined;
    await this.flush(span);
    span.end = end;
    span.hash = this.rolling.toString();
    if (span.record) this.verify(span.record.hash, end);
    await this.onClosed(span);
  }

  private verify(expected: string, rows: number): void {
    if (this.rolling.toString() !== expected) {
      throw new CheckpointMismatchError(`The first ${rows} input rows are not the rows the checkpoint was written for: resume with the same input and options`);
    }
  }

  /** Uploads the rows collected for the current chunk file, after dropping rows to skip. */
  private async flush(span: Span): Promise<void> {
    const body = this.chunk;
    const rows = this.chunkRows;
    if (!body) return;
    this.chunk = undefined;
    this.chunkRows = [];
    const { ctx } = this;
    const policy = ctx.settings.onDuplicate;
    let skip: Set<number> | undefined;
    try {
      skip = span.plan === "new" && policy !== "fail" ? await this.applyExistingKeys(span, rows) : undefined;
    } catch (error) {
      body.release();
      throw error;
    }
    for (const r of rows) {
      if (skip?.has(r.index)) continue;
      span.identity.add(r.index, r.identity);
      if (policy !== "update" || r.globalKey === undefined) span.autoRows += 1;
    }
    if (skip?.size) body.keepOnly((position) => !skip.has(rows[position]!.index));
    if (body.rows === 0) return body.release();
    await this.uploads.acquire();
    const upload = withRetry(() => uploadJson(ctx.client, body, "json_import.json", ctx.signal), ctx.retry)
      .then((url) => {
        ctx.progress.uploaded += body.rows;
        ctx.progress.report();
        return url;
      })
      .finally(() => {
        body.release();
        this.uploads.release();
      });
    upload.catch((error: unknown) => ctx.fail(error));
    span.chunkUploads.push(upload);
    this.inFlight.add(upload);
    void upload.finally(() => this.inFlight.delete(upload)).catch(() => undefined);
  }

  /** Looks up the chunk's keys: `skip` marks rows whose key exists to be dropped (returned), `update` notes them. */
  private async applyExistingKeys(span: Span, rows: ReadonlyArray<{ index: number; globalKey: string | undefined }>): Promise<Set<number>> {
    const keyed = rows.filter((r) => r.globalKey !== undefined);
    // Looked up as the server will store them (`p<q` is stored as `p_q`): with the raw key, a row
    // whose sanitized key exists is not found, then fails as a duplicate (skip) or is reported
    // created while the server updated the existing row (update). The normalized form is also
    // lower-cased, which changes nothing here: the server compares keys case-insensitively.
    const ids = await existingRowIds(this.ctx, keyed.map((r) => normalizeGlobalKey(r.globalKey!)));
    const skipped = new Set<number>();
    keyed.forEach((r, i) => {
      const id = ids[i];
      if (!id) return;
      const offset = r.index - span.start;
      if (this.ctx.settings.onDuplicate === "skip") {
        skipped.add(r.index);
        span.skippedOffsets.push(offset);
        span.locals.push({ index: r.index, status: "skipped", reason: SKIPPED_REASON, dataRowId: id, globalKey: r.globalKey! });
      } else span.existingOffsets.push(offset);
    });
    return skipped;
  }
}
