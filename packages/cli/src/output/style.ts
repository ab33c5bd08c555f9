// Colour, only when it helps: a terminal, no NO_COLOR (https://no-color.org), no --no-color.

/** Styles text for one stream; every method is the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

/** Whether colour is wanted on a stream, per the NO_COLOR convention and the `--no-color` flag. */
export function colorWanted(isTTY: boolean, env: Readonly<Record<string, string | undefined>>, flag: boolean): boolean {
  // NO_COLOR: "when present and not an empty string ... prevents the addition of ANSI color".
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  return flag && isTTY && env["TERM"] !== "dumb";
}

export function createStyle(enabled: boolean): Style {
  const id = (text: string) => text;
  return enabled
    ? { enabled, bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) }
    : { enabled, bold: id, dim: id, red: id, green: id, yellow: id };
}

/** Removes ANSI escape sequences (for width computations). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}
