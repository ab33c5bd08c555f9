import { checkNonEmptyString, describe, type Issues } from "./issues.js";

/** Attachment types the Python SDK 6.0 knows. The server may add more; see {@link AttachmentTypeInput}. */
export const ATTACHMENT_TYPES = [
  "IMAGE",
  "VIDEO",
  "IMAGE_OVERLAY",
  "HTML",
  "RAW_TEXT",
  "TEXT_URL",
  "PDF_URL",
  "CAMERA_IMAGE",
] as const;

export type KnownAttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** A known type, or a newer one the server supports (e.g. `AUDIO`): any upper-case GraphQL enum name. */
export type AttachmentTypeInput = KnownAttachmentType | (string & {});

export interface AttachmentInput {
  readonly type: AttachmentTypeInput;
  /** A URL or, for RAW_TEXT, the text itself. */
  readonly value: string;
  readonly name?: string | null | undefined;
}

/**
 * Checks an attachment type. Unlike the Python SDK, an upper-case name we do not know is let
 * through (Labelbox documents types, e.g. AUDIO, before SDKs learn them); the server then decides.
 */
export function checkAttachmentType(value: unknown, path: string, issues: Issues): boolean {
  if (typeof value === "string" && /^[A-Z][A-Z0-9_]*$/.test(value)) return true;
  const hint =
    typeof value === "string" && (ATTACHMENT_TYPES as readonly string[]).includes(value.toUpperCase())
      ? ` (did you mean ${value.toUpperCase()}?)`
      : "";
  issues.push({ path, message: `must be one of ${ATTACHMENT_TYPES.join(", ")} or another upper-case type name, got ${describe(value)}${hint}` });
  return false;
}

/** Checks one attachment: its type, a non-empty string value, an optional string name. */
export function checkAttachment(value: unknown, path: string, issues: Issues): value is AttachmentInput {
  if (typeof value !== "object" || value === null) {
    issues.push({ path, message: `must be an object {type, value, name?}, got ${describe(value)}` });
    return false;
  }
  const a = value as Record<string, unknown>;
  const before = issues.length;
  checkAttachmentType(a["type"], `${path}.type`, issues);
  checkNonEmptyString(a["value"], `${path}.value`, issues);
  if (a["name"] != null && typeof a["name"] !== "string") {
    issues.push({ path: `${path}.name`, message: `must be a string, got ${describe(a["name"])}` });
  }
  return issues.length === before;
}
