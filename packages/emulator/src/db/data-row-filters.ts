// The ORM-style `where` filters of `dataset.dataRows(where: ...)` and `datasetDataRows(where:)`,
// translated to SQL: `{field}`, `{field_not}`, `{field_lt|_gt|_lte|_gte}`, combined with AND / OR
// / NOT. The data-row id is derived from the row's seq, so id comparisons become seq comparisons.
import type { SeqIds } from "../ids.js";
import { malformed } from "../errors.js";

const COLUMNS: Record<string, string> = {
  externalId: "external_id",
  globalKey: "global_key",
  rowData: "row_data",
  createdAt: "created_at",
  updatedAt: "updated_at",
};

const OPERATORS: Record<string, string> = { "": "=", _not: "IS NOT", _lt: "<", _gt: ">", _lte: "<=", _gte: ">=" };

/** A SQL boolean expression and its parameters. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/** Translates a where object; unknown keys are an error naming the key. */
export function dataRowWhere(where: Record<string, unknown> | null | undefined, ids: SeqIds): SqlFilter {
  if (!where) return { sql: "1", params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === "AND" || key === "OR" || key === "NOT") {
      const list = (Array.isArray(value) ? value : [value]) as Array<Record<string, unknown>>;
      const subs = list.map((w) => dataRowWhere(w, ids));
      if (subs.length === 0) continue;
      for (const s of subs) params.push(...s.params);
      const joined = subs.map((s) => `(${s.sql})`).join(key === "OR" ? " OR " : " AND ");
      parts.push(key === "NOT" ? `NOT (${joined})` : `(${joined})`);
      continue;
    }
    const m = /^(id|externalId|globalKey|rowData|createdAt|updatedAt)(|_not|_lt|_gt|_lte|_gte)$/.exec(key);
    if (!m) throw malformed(`Unsupported data row filter "${key}"`);
    const [, field = "", suffix = ""] = m;
    const op = OPERATORS[suffix] ?? "=";
    if (field === "id") {
      parts.push(idComparison(String(value), suffix, ids, params));
      continue;
    }
    const column = COLUMNS[field] ?? "";
    if (value === null) {
      parts.push(suffix === "_not" ? `${column} IS NOT NULL` : suffix === "" ? `${column} IS NULL` : "0");
      continue;
    }
    parts.push(suffix === "_not" ? `${column} IS NOT ?` : `${column} ${op} ?`);
    params.push(value);
  }
  return { sql: parts.length ? parts.join(" AND ") : "1", params };
}

function idComparison(id: string, suffix: string, ids: SeqIds, params: unknown[]): string {
  const exact = ids.decode("row", id);
  if (suffix === "") {
    if (exact === null) return "0";
    params.push(exact);
    return "seq = ?";
  }
  if (suffix === "_not") {
    if (exact === null) return "1";
    params.push(exact);
    return "seq != ?";
  }
  // Ordering of ids equals ordering of their seq prefix.
  const prefix = /^c([0-9a-z]{12})/.exec(id)?.[1];
  if (!prefix) return "0";
  params.push(Number.parseInt(prefix, 36));
  return `seq ${OPERATORS[suffix] ?? "="} ?`;
}

const ORDER_COLUMNS: Record<string, string> = { id: "seq", ...COLUMNS };

/** `ORDER BY` for a `<field>_ASC|_DESC` literal; ties (and no order) fall back to creation order. */
export function dataRowOrder(orderBy: string | null | undefined): string {
  if (!orderBy) return "seq ASC";
  const m = /^(\w+)_(ASC|DESC)$/.exec(orderBy);
  const column = m && ORDER_COLUMNS[m[1] ?? ""];
  if (!m || !column) throw malformed(`Unsupported data row order "${orderBy}"`);
  return column === "seq" ? `seq ${m[2]}` : `${column} ${m[2]}, seq ASC`;
}
