/**
 * Removes secrets from anything the CLI prints. Every write to stdout and stderr goes through a
 * redactor holding the API key (and any other secret the command learned), so a key that ends up
 * in a server message, a stack trace or a URL is still never shown.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a secret. Very short values are refused: redacting them would mangle normal text. */
  add(secret: string | undefined | null): void {
    const value = secret?.trim();
    if (value && value.length >= 8) this.#secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join("[redacted]");
    // Authorization headers whose value we were never told about (e.g. echoed by a proxy).
    return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1[redacted]");
  }
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
): Output {
  return {
    write: (text) => void stream.write(redactor.redact(text)),
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      // A pseudo-terminal without a size (e.g. under `script`) reports 0 columns.
      return stream.columns || 80;
    },
  };
}
