/**
 * Keeps credentials out of everything lbx shows a human: log events, error messages, error causes
 * (an invalid header value makes `fetch` throw a `TypeError` that quotes the header, key and all).
 * Secrets are found in the request itself, so redaction needs no configuration.
 */

/** What a redacted value is replaced with. */
export const REDACTED = "[REDACTED]";

/** `url` without its query string, which on signed storage URLs is a credential. */
export function withoutQuery(url: string): string {
  return url.split("?")[0] as string;
}

/** Request headers whose values are credentials. */
const SENSITIVE_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

// Shorter strings are too likely to match ordinary text; real keys are long JWT-like tokens.
const MIN_SECRET_LENGTH = 8;

/** The credential strings carried by `headers`: whole values and the token after a scheme. */
export function secretsOf(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!SENSITIVE_HEADERS.has(name.toLowerCase())) continue;
    secrets.push(value);
    const token = /^\s*\S+\s+(\S.*?)\s*$/.exec(value)?.[1];
    if (token) secrets.push(token);
  }
  return secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of every secret replaced by `[REDACTED]`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  return result;
}

/** A copy of `headers` with credential values replaced by `[REDACTED]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return copy;
}

/**
 * Removes `secrets` from `error`'s message and stack and from every error along its `cause`
 * chain (and inside `AggregateError.errors`), in place, and returns `error`. Strings are redacted.
 * An error that cannot be rewritten (frozen) is replaced by a plain `Error` with the redacted
 * message, so a credential never gets through.
 */
export function redactError<T>(error: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return error;
  if (typeof error === "string") return redactText(error, secrets) as T;
  const seen = new Set<unknown>();
  let stuck = false;
  const rewrite = (target: object, field: string, text: string) => {
    try {
      Object.defineProperty(target, field, { value: redactText(text, secrets), writable: true, configurable: true });
    } catch {
      stuck = true;
    }
  };
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== "object" || value === null || seen.has(value) || depth > 16) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const field of ["message", "stack", "cause"]) {
      const fieldValue = record[field];
      if (typeof fieldValue === "string") {
        if (secrets.some((secret) => fieldValue.includes(secret))) rewrite(value, field, fieldValue);
      } else if (field === "cause") visit(fieldValue, depth + 1);
    }
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  if (!stuck) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(redactText(message, secrets), { cause: "withheld: it contained a credential and could not be redacted" }) as T;
}
