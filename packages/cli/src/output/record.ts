// One object for humans: aligned "label  value" lines.
import type { Style } from "./style.js";

export type RecordLine = readonly [label: string, value: string | number | null | undefined];

export function renderRecord(lines: readonly RecordLine[], style: Style): string {
  const shown = lines.filter(([, v]) => v !== undefined && v !== null && v !== "");
  const width = Math.max(0, ...shown.map(([l]) => l.length));
  return `${shown.map(([l, v]) => `${style.dim(l.padEnd(width))}  ${String(v)}`).join("\n")}\n`;
}
