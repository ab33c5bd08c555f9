/**
 * A streaming CSV parser (RFC 4180): comma-separated, fields optionally in double quotes, `""`
 * for a quote inside quotes, line breaks inside quoted fields, `\n` or `\r\n` between records,
 * a UTF-8 byte order mark ignored. Text goes in chunk by chunk; each complete record comes out
 * with the line it started on. Memory holds one record.
 */
export interface CsvRecord {
  readonly cells: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

export class CsvParser {
  private cells: string[] = [];
  private cell = "";
  /** In a quoted field; `quoteSeen`: its closing quote (or the first of a `""`) was just read. */
  private quoted = false;
  private quoteSeen = false;
  /** The current cell started with a quote (so text after the closing quote is an error). */
  private cellWasQuoted = false;
  private line = 1;
  private recordLine = 1;
  private pendingCr = false;
  private started = false;

  /** Parses the next piece of text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === "\n") continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.cell += '"';
            continue;
          }
          this.quoted = false; // that quote closed the field; `c` is handled below
        } else {
          if (c === '"') this.quoteSeen = true;
          else {
            if (c === "\n") this.line += 1;
            this.cell += c;
          }
          continue;
        }
      }
      if (c === ",") {
        this.endCell();
      } else if (c === "\n" || c === "\r") {
        this.pendingCr = c === "\r";
        this.endCell();
        out.push(this.endRecord());
        this.line += 1;
        this.recordLine = this.line;
      } else if (c === '"' && this.cell === "" && !this.cellWasQuoted) {
        this.quoted = true;
        this.cellWasQuoted = true;
      } else if (this.cellWasQuoted) {
        throw new CsvSyntaxError(`unexpected ${JSON.stringify(c)} after a closing quote (a quote inside a field must be doubled: "")`, this.line);
      } else {
        this.cell += c;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    if (this.quoted && !this.quoteSeen) throw new CsvSyntaxError("a quoted field is never closed", this.recordLine);
    this.quoted = false;
    this.quoteSeen = false;
    if (this.cell === "" && this.cells.length === 0 && !this.cellWasQuoted) return [];
    this.endCell();
    return [this.endRecord()];
  }

  private endCell(): void {
    this.cells.push(this.cell);
    this.cell = "";
    this.cellWasQuoted = false;
  }

  private endRecord(): CsvRecord {
    const record = { cells: this.cells, line: this.recordLine };
    this.cells = [];
    return record;
  }
}
