// Custom metadata schemas of organizations (reserved ones are constants, see metadata/reserved.ts).
import type { Sqlite } from "./open.js";
import type { MetadataKind, MetadataSchemaRecord } from "./records.js";

interface SchemaRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: MetadataKind;
}

export class MetadataSchemaStore {
  constructor(private readonly db: Sqlite) {}

  /** The organization's custom top-level schemas with their options, in creation order. */
  custom(orgSeq: number): MetadataSchemaRecord[] {
    const rows = this.db
      .prepare("SELECT id, parent_id AS parentId, name, kind FROM metadata_schemas WHERE org_seq = ? ORDER BY position, rowid")
      .all(orgSeq) as SchemaRow[];
    const top: MetadataSchemaRecord[] = [];
    const byId = new Map<string, MetadataSchemaRecord>();
    for (const r of rows) {
      const record: MetadataSchemaRecord = { id: r.id, name: r.name, kind: r.kind, reserved: false, parentId: r.parentId, options: [] };
      byId.set(r.id, record);
      if (!r.parentId) top.push(record);
    }
    for (const r of rows) if (r.parentId) byId.get(r.parentId)?.options.push(byId.get(r.id)!);
    return top;
  }

  /** Writes a top-level schema and replaces its options with `options` (ids kept where given). */
  save(orgSeq: number, schema: { id: string; name: string; kind: MetadataKind }, options: Array<{ id: string; name: string }>, now: string): void {
    const exists = this.db.prepare("SELECT 1 FROM metadata_schemas WHERE id = ?").get(schema.id);
    if (exists) this.db.prepare("UPDATE metadata_schemas SET name = ?, kind = ? WHERE id = ?").run(schema.name, schema.kind, schema.id);
    else {
      const position = (this.db.prepare("SELECT COALESCE(MAX(position), 0) + 1 AS p FROM metadata_schemas WHERE org_seq = ?").get(orgSeq) as { p: number }).p;
      this.db
        .prepare("INSERT INTO metadata_schemas (id, org_seq, parent_id, name, kind, position, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)")
        .run(schema.id, orgSeq, schema.name, schema.kind, position, now);
    }
    const keep = new Set(options.map((o) => o.id));
    const current = this.db.prepare("SELECT id FROM metadata_schemas WHERE parent_id = ?").all(schema.id) as Array<{ id: string }>;
    for (const c of current) if (!keep.has(c.id)) this.db.prepare("DELETE FROM metadata_schemas WHERE id = ?").run(c.id);
    options.forEach((o, i) => {
      const has = current.some((c) => c.id === o.id);
      if (has) this.db.prepare("UPDATE metadata_schemas SET name = ?, position = ? WHERE id = ?").run(o.name, i, o.id);
      else {
        this.db
          .prepare("INSERT INTO metadata_schemas (id, org_seq, parent_id, name, kind, position, created_at) VALUES (?, ?, ?, ?, 'CustomMetadataEnumOption', ?, ?)")
          .run(o.id, orgSeq, schema.id, o.name, i, now);
      }
    });
  }

  /** The organization owning a custom schema or option id, if any. */
  owner(id: string): { orgSeq: number; parentId: string | null } | undefined {
    return this.db.prepare("SELECT org_seq AS orgSeq, parent_id AS parentId FROM metadata_schemas WHERE id = ?").get(id) as
      | { orgSeq: number; parentId: string | null }
      | undefined;
  }

  /** Deletes a top-level schema and its options. */
  delete(id: string): void {
    this.db.prepare("DELETE FROM metadata_schemas WHERE id = ? OR parent_id = ?").run(id, id);
  }
}
