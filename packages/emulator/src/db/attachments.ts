// Attachments are stored on their data row as JSON `{"next": n, "items": [[n, type, value, name], ...]}`.
// Each attachment has a number `n` on its row that is never reused (`next` only grows), and its
// record `seq` is `rowSeq * 65536 + n`, from which the public id derives (see ids.ts).
import type { AttachmentRecord } from "./records.js";
import type { DataRowStore } from "./data-rows.js";
import type { AttachmentInput } from "../rules/attachments.js";

/** Attachments one row can ever receive (the numbering space of `seq`). */
export const MAX_ATTACHMENT_NUMBER = 65_535;

type Item = [number, string, string, string | null];

interface Stored {
  next: number;
  items: Item[];
}

function parse(text: string | null): Stored {
  return text ? (JSON.parse(text) as Stored) : { next: 1, items: [] };
}

function toRecord(rowSeq: number, [n, type, value, name]: Item): AttachmentRecord {
  return { seq: rowSeq * 65_536 + n, rowSeq, type, value, name };
}

/** The attachments of a row, in creation order. */
export function attachmentsOf(rowSeq: number, text: string | null): AttachmentRecord[] {
  return text ? parse(text).items.map((item) => toRecord(rowSeq, item)) : [];
}

/**
 * The JSON text for a row whose attachments are replaced by `list`; numbering continues after the
 * row's previous attachments (`previous`), so a deleted attachment's id never comes back.
 */
export function attachmentsText(list: AttachmentInput[], previous: string | null = null): string | null {
  const start = parse(previous).next;
  if (list.length === 0) return previous === null ? null : `{"next":${start},"items":[]}`;
  // Written out rather than `JSON.stringify({next, items})`, which gives the same text: every
  // imported row with attachments comes through here, and the generic walk cost ~3x as much.
  let items = "";
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    items += `${i ? "," : ""}[${start + i},${JSON.stringify(a.type)},${JSON.stringify(a.value)},${a.name == null ? "null" : JSON.stringify(a.name)}]`;
  }
  return `{"next":${start + list.length},"items":[${items}]}`;
}

/** Attachment operations by record seq, through the row that holds them. */
export class AttachmentStore {
  constructor(private readonly rows: DataRowStore) {}

  get(seq: number): AttachmentRecord | undefined {
    const rowSeq = Math.floor(seq / 65_536);
    const n = seq % 65_536;
    const row = this.rows.get(rowSeq);
    const item = row ? parse(row.attachments).items.find((i) => i[0] === n) : undefined;
    return item ? toRecord(rowSeq, item) : undefined;
  }

  /** Adds an attachment to a row and returns it (null when the row's numbering is exhausted). */
  add(rowSeq: number, a: AttachmentInput, now: string): AttachmentRecord | null {
    const row = this.rows.get(rowSeq);
    if (!row) return null;
    const stored = parse(row.attachments);
    if (stored.next > MAX_ATTACHMENT_NUMBER) return null;
    const item: Item = [stored.next, a.type, a.value, a.name];
    this.rows.update(rowSeq, { attachments: JSON.stringify({ next: stored.next + 1, items: [...stored.items, item] }) }, now);
    return toRecord(rowSeq, item);
  }

  /** Changes or (with `replacement` null) removes the attachment `seq`. */
  change(seq: number, replacement: AttachmentInput | null, now: string): void {
    const rowSeq = Math.floor(seq / 65_536);
    const n = seq % 65_536;
    const row = this.rows.get(rowSeq);
    if (!row) return;
    const stored = parse(row.attachments);
    const items = replacement
      ? stored.items.map((i): Item => (i[0] === n ? [n, replacement.type, replacement.value, replacement.name] : i))
      : stored.items.filter((i) => i[0] !== n);
    this.rows.update(rowSeq, { attachments: JSON.stringify({ next: stored.next, items }) }, now);
  }
}
