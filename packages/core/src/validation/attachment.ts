import { checkNonEmptyString, checkOptionalString, expected, type Issues, isRecord } from "./issues.js";

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

/** An upper-case GraphQL enum name: the form of attachment and media types. */
export const ENUM_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Checks an attachment type. Unlike the Python SDK, an upper-case name we do not know is let
 * through (Labelbox documents types, e.g. AUDIO, before SDKs learn them); the server then decides.
 */
export function checkAttachmentType(value: unknown, path: string, issues: Issues): boolean {
  return (typeof value === "string" && ENUM_NAME.test(value)) || expected(issues, path, "an upper-case type such as IMAGE or RAW_TEXT", value);
}

/** True when `checkAttachment` would find nothing wrong (answered without building paths). */
export function isValidAttachment(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { type, value: text, name } = value;
  return typeof type === "string" && ENUM_NAME.test(type) && typeof text === "string" && text.trim() !== "" && (name == null || typeof name === "string");
}

/** Checks one attachment: its type, a non-empty string value, an optional string name. */
export function checkAttachment(value: unknown, path: string, issues: Issues): value is AttachmentInput {
  if (!isRecord(value)) return expected(issues, path, "an object {type, value, name?}", value);
  const before = issues.length;
  checkAttachmentType(value["type"], `${path}.type`, issues);
  checkNonEmptyString(value["value"], `${path}.value`, issues);
  checkOptionalString(value["name"], `${path}.name`, issues);
  return issues.length === before;
}
