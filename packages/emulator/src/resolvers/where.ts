// ORM-style filters (`{field}`, `{field_not}`, `{field_lt|_gt|_lte|_gte}`, AND / OR / NOT) over
// objects held in memory: datasets and tasks, of which an organization has few.
import { malformed } from "../errors.js";

/** True if `record` matches `where`; `fields` maps filter names to record values. */
export function matchesWhere(where: Record<string, unknown> | null | undefined, fields: (name: string) => unknown): boolean {
  if (!where) return true;
  for (const [key, expected] of Object.entries(where)) {
    if (expected === undefined) continue;
    if (key === "AND" || key === "OR" || key === "NOT") {
      const list = (Array.isArray(expected) ? expected : [expected]) as Array<Record<string, unknown>>;
      if (key === "AND" && !list.every((w) => matchesWhere(w, fields))) return false;
      if (key === "OR" && list.length > 0 && !list.some((w) => matchesWhere(w, fields))) return false;
      if (key === "NOT" && list.some((w) => matchesWhere(w, fields))) return false;
      continue;
    }
    const m = /^(\w+?)(_not|_lt|_gt|_lte|_gte)?$/.exec(key);
    if (!m) throw malformed(`Unsupported filter "${key}"`);
    const actual = fields(m[1] ?? "");
    if (actual === undefined) throw malformed(`Unsupported filter "${key}"`);
    if (!compare(actual, expected, m[2] ?? "")) return false;
  }
  return true;
}

function compare(actual: unknown, expected: unknown, op: string): boolean {
  const a = typeof actual === "boolean" ? Number(actual) : actual;
  const e = typeof expected === "boolean" ? Number(expected) : expected;
  switch (op) {
    case "":
      return a === e;
    case "_not":
      return a !== e;
    default: {
      if (a === null || e === null) return false;
      const x = a as string | number;
      const y = e as string | number;
      return op === "_lt" ? x < y : op === "_gt" ? x > y : op === "_lte" ? x <= y : x >= y;
    }
  }
}

/** Sorts by a `<field>_ASC|_DESC` literal. */
export function sortBy<T>(items: T[], orderBy: string | null | undefined, fields: (item: T, name: string) => unknown): T[] {
  if (!orderBy) return items;
  const m = /^(\w+)_(ASC|DESC)$/.exec(orderBy);
  if (!m) throw malformed(`Unsupported order "${orderBy}"`);
  const name = m[1] ?? "";
  const sign = m[2] === "DESC" ? -1 : 1;
  return [...items].sort((x, y) => {
    const a = fields(x, name) as string | number | null;
    const b = fields(y, name) as string | number | null;
    if (a === b) return 0;
    if (a === null) return -sign;
    if (b === null) return sign;
    return a < b ? -sign : sign;
  });
}
