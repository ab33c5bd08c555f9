// Small formatting helpers shared by human-readable output.

/** `1,234` */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** `0.8 s`, `12.3 s`, `2 min 05 s` */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

/** `1 row`, `2 rows` */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}
