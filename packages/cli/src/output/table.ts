// Lists of records: an aligned table on a terminal, tab-separated plain lines otherwise (easy to
// `cut`, `grep` and `awk`). Machine-readable output is `--json`, not this.
import { stripAnsi, type Style } from "./style.js";

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | null | undefined;
}

/** Renders rows as text ending with a newline ("" for no rows). */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], options: { tty: boolean; width: number; style: Style }): string {
  const cells = rows.map((row) => columns.map((c) => cell(c.value(row))));
  if (!options.tty) {
    // One record per line; tabs inside values would break the columns, so they become spaces.
    const lines = [columns.map((c) => c.header), ...cells].map((r) => r.join("\t"));
    return `${lines.join("\n")}\n`;
  }
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? "").length)));
  fitToWidth(widths, options.width);
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => pad(truncate(v, widths[i] ?? 0), widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const header = options.style.bold(line(columns.map((c) => c.header)));
  return `${[header, ...cells.map(line)].join("\n")}\n`;
}

// Tabs and line breaks inside a value would break the columns (and a tab-separated line).
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[\t\n\r]/g, " ");
}

// Shrinks the widest columns until the row fits the terminal (two spaces between columns).
function fitToWidth(widths: number[], total: number): void {
  const room = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (room() > total) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= 8) return;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
}

function truncate(text: string, width: number): string {
  const plain = stripAnsi(text);
  return plain.length <= width ? text : `${plain.slice(0, Math.max(0, width - 1))}…`;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stripAnsi(text).length));
}
