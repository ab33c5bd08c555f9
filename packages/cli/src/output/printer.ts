// The one place commands print through. Results go to stdout: one JSON document with --json,
// human text otherwise. Status, warnings and errors go to stderr, so `--json` output stays
// parseable and `lbx ... > file` keeps only results.
import type { Io } from "../io.js";
import { type Column, renderTable } from "./table.js";
import { colorWanted, createStyle, type Style } from "./style.js";

export interface PrinterOptions {
  readonly json: boolean;
  /** False with --no-color. NO_COLOR and non-terminals turn colour off on their own. */
  readonly color: boolean;
  /** False with --quiet: no status lines (warnings and errors still show). */
  readonly status: boolean;
}

export class Printer {
  readonly json: boolean;
  /** Styles for stdout and stderr, decided separately: one may be a terminal and the other a file. */
  readonly out: Style;
  readonly err: Style;
  readonly #io: Io;
  readonly #status: boolean;

  constructor(io: Io, options: PrinterOptions) {
    this.#io = io;
    this.json = options.json;
    this.#status = options.status;
    this.out = createStyle(colorWanted(io.stdout.isTTY, io.env, options.color));
    this.err = createStyle(colorWanted(io.stderr.isTTY, io.env, options.color));
  }

  /**
   * The command's result: `value` as JSON on stdout with --json, else the text `human` returns
   * (if any) on stdout.
   */
  result(value: unknown, human: () => string | undefined): void {
    if (this.json) {
      this.#io.stdout.write(`${JSON.stringify(value)}\n`);
      return;
    }
    const text = human();
    if (text) this.#io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** A table on a terminal, tab-separated lines otherwise (for human output only). */
  table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
    return renderTable(rows, columns, { tty: this.#io.stdout.isTTY, width: this.#io.stdout.columns, style: this.out });
  }

  /** A status line on stderr ("Created dataset ..."), unless --quiet. */
  status(line: string): void {
    if (this.#status) this.#io.stderr.write(`${line}\n`);
  }

  warn(line: string): void {
    this.#io.stderr.write(`${this.err.yellow("warning:")} ${line}\n`);
  }

  /**
   * The error of a command that still has a result to print (what it did before failing), as
   * main.ts reports the errors commands throw; the command returns the exit code itself.
   */
  error(line: string): void {
    this.#io.stderr.write(`${this.err.red("error:")} ${line}\n`);
  }
}
