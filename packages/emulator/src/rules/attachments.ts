// Attachment rules: a known type and a non-empty string value (spec §6, design/user-needs.md §2).

/** Attachment types the emulator accepts (the wire enum, TEXT included for SDK <= 3.49). */
export const attachmentTypes: readonly string[] = [
  "IMAGE",
  "VIDEO",
  "IMAGE_OVERLAY",
  "HTML",
  "RAW_TEXT",
  "TEXT_URL",
  "PDF_URL",
  "CAMERA_IMAGE",
  "TEXT",
];

/** One attachment after checking. */
export interface AttachmentInput {
  type: string;
  value: string;
  name: string | null;
}

/** Checks one attachment given in an import item or a create call; returns it or a reason. */
export function checkAttachment(raw: unknown): { ok: true; attachment: AttachmentInput } | { ok: false; reason: string } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, reason: "Attachment must be an object with type and value" };
  const { type, value, name } = raw as Record<string, unknown>;
  if (typeof type !== "string" || !attachmentTypes.includes(type)) {
    return { ok: false, reason: `Attachment type must be one of ${attachmentTypes.join(", ")}; got ${JSON.stringify(type ?? null)}` };
  }
  if (typeof value !== "string" || value.length === 0) return { ok: false, reason: "Attachment value must be a non-empty string" };
  if (name !== undefined && name !== null && typeof name !== "string") return { ok: false, reason: "Attachment name must be a string" };
  return { ok: true, attachment: { type, value, name: (name as string | null | undefined) ?? null } };
}

/** Checks a list of attachments against the per-row limit (0 = no limit). */
export function checkAttachments(
  raw: unknown,
  maxPerRow: number,
): { ok: true; attachments: AttachmentInput[] } | { ok: false; reason: string } {
  if (raw === undefined || raw === null) return { ok: true, attachments: [] };
  if (!Array.isArray(raw)) return { ok: false, reason: "attachments must be a list" };
  if (maxPerRow > 0 && raw.length > maxPerRow) return { ok: false, reason: `A data row can have at most ${maxPerRow} attachments; got ${raw.length}` };
  const attachments: AttachmentInput[] = [];
  for (let i = 0; i < raw.length; i++) {
    const check = checkAttachment(raw[i]);
    if (!check.ok) return { ok: false, reason: `attachments[${i}]: ${check.reason}` };
    attachments.push(check.attachment);
  }
  return { ok: true, attachments };
}
