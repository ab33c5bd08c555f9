/**
 * Removes secrets from anything the CLI prints. Every write to stdout and stderr goes through a
 * redactor holding the API key (and any other secret the command learned), so a key that ends up
 * in a server message, a stack trace, a URL or a data row is still never shown.
 *
 * Two strengths, chosen by what a stream carries ({@link OutputKind}):
 * - data (results, exported rows, row fields): only the exact secrets registered here are
 *   replaced; every other byte is the user's and is printed as it is.
 * - diagnostics (errors, warnings, logs, progress, debug stack traces): the secrets, and also
 *   anything shaped like a credential the CLI was never told about (`Bearer <token>`).
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a secret. Very short values are refused: redacting them would mangle normal text. */
  add(secret: string | undefined | null): void {
    const value = secret?.trim();
    if (value && value.length >= 8) this.#secrets.add(value);
  }

  /** Replaces the registered secrets only: for data, which must otherwise stay byte for byte. */
  redactSecrets(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join("[redacted]");
    return out;
  }

  /** Replaces the registered secrets and bearer tokens: for diagnostics, never for data. */
  redact(text: string): string {
    // Authorization headers whose value we were never told about (e.g. echoed by a proxy). On
    // data this would rewrite a row that merely contains "Bearer something" (see redactSecrets).
    return this.redactSecrets(text).replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1[redacted]");
  }
}

/**
 * What an output carries. `data`: results and rows (stdout), redacted by exact secret only.
 * `diagnostics`: messages about the run (stderr, and error reports), redacted by pattern too.
 */
export type OutputKind = "data" | "diagnostics";

/** The redaction for `kind`. */
export function redactionFor(redactor: Redactor, kind: OutputKind): (text: string) => string {
  return kind === "data" ? (text) => redactor.redactSecrets(text) : (text) => redactor.redact(text);
}

/** A writable that redacts before writing; what commands receive instead of process.stdout. */
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
}

export function redactingOutput(
  stream: { write(chunk: string): unknown; isTTY?: boolean; columns?: number },
  redactor: Redactor,
  /** Diagnostics unless said otherwise: the stronger redaction is the safe default. */
  kind: OutputKind = "diagnostics",
): Output {
  const redact = redactionFor(redactor, kind);
  return {
    write: (text) => void stream.write(redact(text)),
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      // A pseudo-terminal without a size (e.g. under `script`) reports 0 columns.
      return stream.columns || 80;
    },
  };
}
