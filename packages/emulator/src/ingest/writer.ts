// Writes prepared rows: creates and updates with their attachments, inside the caller's
// transaction. Dataset row counts are accumulated and written once per transaction (`flush`),
// because an UPDATE per created row would cost bulk-ingest throughput.
import type { Store } from "../db/store.js";
import { isUniqueViolation } from "../db/data-rows.js";
import type { PreparedRow } from "./prepare.js";
import { attachmentsText } from "../db/attachments.js";

/** Outcome of writing one row. */
export type WriteOutcome = { ok: true; seq: number } | { ok: false; reason: string };

export class RowWriter {
  private readonly counts = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => string,
  ) {}

  /** Creates a row in a dataset; fails if its global key is already taken in the organization. */
  create(orgSeq: number, datasetSeq: number, row: PreparedRow): WriteOutcome {
    let seq: number;
    try {
      seq = this.store.rows.insert({
        orgSeq,
        datasetSeq,
        rowData: row.rowData ?? "",
        externalId: row.externalId ?? null,
        globalKey: row.globalKey?.key ?? null,
        gkNorm: row.globalKey?.norm ?? null,
        mediaType: row.mediaType ?? null,
        mediaAttributes: row.mediaAttributes ?? null,
        metadata: row.metadata ?? null,
        metadataExport: row.metadataExport ?? null,
        attachments: row.attachments ? attachmentsText(row.attachments) : null,
        now: this.now(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: `Duplicate global key: '${row.globalKey?.key ?? ""}'` };
      throw error;
    }
    this.counts.set(datasetSeq, (this.counts.get(datasetSeq) ?? 0) + 1);
    return { ok: true, seq };
  }

  /** Updates the given fields of a row; attachments, when given, replace the row's attachments. */
  update(seq: number, row: PreparedRow): WriteOutcome {
    const attachments = row.attachments ? attachmentsText(row.attachments, this.store.rows.get(seq)?.attachments ?? null) : undefined;
    try {
      this.store.rows.update(
        seq,
        {
          rowData: row.rowData,
          externalId: row.externalId,
          globalKey: row.globalKey === undefined ? undefined : { key: row.globalKey?.key ?? null, norm: row.globalKey?.norm ?? null },
          mediaType: row.rowData === undefined ? undefined : (row.mediaType ?? null),
          mediaAttributes: row.mediaAttributes,
          metadata: row.metadata,
          metadataExport: row.metadataExport,
          attachments,
        },
        this.now(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: `Duplicate global key: '${row.globalKey?.key ?? ""}'` };
      throw error;
    }
    return { ok: true, seq };
  }

  /** Deletes a row (freeing its global key); returns its dataset or null if it did not exist. */
  delete(seq: number): number | null {
    const row = this.store.rows.get(seq);
    if (!row || !this.store.rows.delete(seq)) return null;
    this.counts.set(row.datasetSeq, (this.counts.get(row.datasetSeq) ?? 0) - 1);
    return row.datasetSeq;
  }

  /** Writes the accumulated dataset row-count changes. Call inside the same transaction. */
  flush(): void {
    for (const [datasetSeq, delta] of this.counts) this.store.datasets.addRows(datasetSeq, delta);
    this.counts.clear();
  }
}
