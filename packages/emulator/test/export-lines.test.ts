// v2 export lines are built as text for speed; they must equal JSON.stringify of the v2 objects,
// and the lines SQLite builds for whole-dataset exports must equal those byte for byte.
import { describe, expect, it } from "vitest";
import { v2LineBuilder } from "../src/exports/lines.js";
import { attachmentsOf, attachmentsText } from "../src/db/attachments.js";
import { Ontology } from "../src/metadata/ontology.js";
import { reservedSchemas } from "../src/metadata/reserved.js";
import { exportV2MetadataView, parseEntries } from "../src/metadata/stored.js";
import type { DataRowRecord, DatasetRecord, MetadataSchemaRecord } from "../src/db/records.js";
import type { NewDataRow } from "../src/db/data-rows.js";
import { Store } from "../src/db/store.js";
import { datasetJson, SqlV2Lines } from "../src/exports/sql-lines.js";
import { MetadataExportRenderer, metadataPartRows, type MetadataPartRow } from "../src/metadata/export-text.js";

const option = (id: string, name: string): MetadataSchemaRecord => ({ id, name, kind: "CustomMetadataEnumOption", reserved: false, parentId: "cenum0000000000000000000a", options: [] });
const custom: MetadataSchemaRecord[] = [
  { id: "cenum0000000000000000000a", name: "weather \"q\"", kind: "CustomMetadataEnum", reserved: false, parentId: null, options: [option("copt00000000000000000000a", "sunny"), option("copt00000000000000000000b", "rain ☔")] },
  { id: "cnum00000000000000000000a", name: "score", kind: "CustomMetadataNumber", reserved: false, parentId: null, options: [] },
];

describe("v2LineBuilder", () => {
  it("writes exactly what JSON.stringify of the v2 objects gives, for every include* combination", () => {
    const ontology = new Ontology([...reservedSchemas, ...custom]);
    const tag = reservedSchemas.find((s) => s.name === "tag")!;
    const metadata = JSON.stringify([
      { schemaId: tag.id, value: "a \"quoted\" tag ✓" },
      { schemaId: "cenum0000000000000000000a", value: {} },
      { schemaId: "copt00000000000000000000b", value: {} },
      { schemaId: "cnum00000000000000000000a", value: 1.5 },
      { schemaId: "cdeleted0000000000000000a", value: "gone" },
    ]);
    const attachments = attachmentsText([
      { type: "RAW_TEXT", value: "line\nbreak", name: null },
      { type: "IMAGE", value: "https://x/y.png", name: "pic é" },
    ]);
    const attachmentId = (seq: number) => `att-${seq}`;
    const row: DataRowRecord = {
      seq: 42, orgSeq: 1, datasetSeq: 7, rowData: "https://example.com/a.jpg", externalId: "ext\t1", globalKey: "gk/1", mediaType: null,
      mediaAttributes: JSON.stringify({ mimeType: "image/jpeg" }), metadata, attachments, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-02T00:00:00.000Z",
    };
    const dataset = { id: "cds000000000000000000000a", name: "set \\ one" } as Parameters<ReturnType<typeof v2LineBuilder>>[2];
    for (const includeAttachments of [false, true]) {
      for (const includeMetadata of [false, true]) {
        for (const includeDataRowDetails of [false, true]) {
          const params = { includeAttachments, includeMetadata, includeDataRowDetails };
          const expected = {
            data_row: {
              id: "row-id", global_key: row.globalKey, external_id: row.externalId, row_data: row.rowData,
              ...(includeDataRowDetails ? { details: { dataset_id: dataset!.id, dataset_name: dataset!.name, created_at: row.createdAt, updated_at: row.updatedAt, last_activity_at: row.updatedAt, created_by: null } } : {}),
            },
            media_attributes: { mime_type: "image/jpeg" },
            attachments: includeAttachments ? attachmentsOf(row.seq, attachments).map((a) => ({ id: attachmentId(a.seq), type: a.type, value: a.value, name: a.name })) : [],
            metadata_fields: includeMetadata ? exportV2MetadataView(parseEntries(metadata), ontology) : [],
            embeddings: [],
            projects: {},
          };
          const line = v2LineBuilder(ontology, params, attachmentId);
          expect(line("row-id", row, dataset)).toBe(JSON.stringify(expected));
          expect(line("row-id", row, dataset)).toBe(JSON.stringify(expected)); // cached schema parts
        }
      }
    }
  });
});

describe("SqlV2Lines", () => {
  it("writes the same bytes as v2LineBuilder, for every include* combination and awkward values", () => {
    const store = new Store(null);
    try {
      const ontology = new Ontology([...reservedSchemas, ...custom, { id: "cemb00000000000000000000a", name: "vec", kind: "CustomMetadataEmbedding", reserved: false, parentId: null, options: [] }]);
      const tag = reservedSchemas.find((s) => s.name === "tag")!.id;
      const allAscii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join("");
      const metadata = (entries: unknown[]) => JSON.stringify(entries);
      const variants: Array<Partial<NewDataRow>> = [
        {},
        { globalKey: null, gkNorm: null, externalId: null, mediaAttributes: null, metadata: null, attachments: null },
        { externalId: `all ascii ${allAscii}`, rowData: "raw text\nwith \"quotes\" \\ and ☔ and 😀" },
        { globalKey: "lone \ud800 surrogate", gkNorm: "lone \ud800 surrogate", externalId: "\u2028\u2029\u007f\u00a0é" },
        {
          metadata: metadata([
            { schemaId: tag, value: `tag ${allAscii} ✓ \ud83d` },
            { schemaId: "cenum0000000000000000000a", value: {} },
            { schemaId: "copt00000000000000000000b", value: {} },
            { schemaId: "cnum00000000000000000000a", value: 1e21 },
            { schemaId: "cemb00000000000000000000a", value: [0.1, -2.5e-7, 3, 1e300] },
            { schemaId: "cdeleted0000000000000000a", value: "gone" },
            { schemaId: "cnum00000000000000000000a" },
            { value: "no schema id" },
          ]),
        },
        { metadata: metadata([{ schemaId: "cnum00000000000000000000a", value: -0.000001 }]), mediaAttributes: JSON.stringify({ mimeType: "application/pdf", textLayerUrl: "https://x/t.json", pageCount: 3 }) },
        { metadata: "{}", attachments: JSON.stringify({ next: 3, items: [] }) },
        {
          attachments: attachmentsText([
            { type: "RAW_TEXT", value: `text ${allAscii}`, name: null },
            { type: "IMAGE", value: "https://x/y.png", name: "pic é \"q\"" },
            { type: "TEXT_URL", value: "https://x/z.txt", name: "" },
          ]),
        },
      ];
      const base: NewDataRow = {
        orgSeq: 1, datasetSeq: 7, rowData: "https://example.com/a.jpg", externalId: "ext-1", globalKey: "gk-1", gkNorm: "gk-1", mediaType: null,
        mediaAttributes: JSON.stringify({ mimeType: "image/jpeg" }), metadata: metadata([{ schemaId: tag, value: "t" }]), metadataExport: null, attachments: attachmentsText([{ type: "IMAGE", value: "https://x/o.png", name: "overlay" }]), now: "2026-01-01T00:00:00.000Z",
      };
      // Each variant three times: metadata text not rendered (built from the entries), rendered
      // with this ontology (copied), and rendered before a schema and an option were renamed
      // (stale: must be built from the entries, not copied).
      const current = new MetadataExportRenderer(ontology);
      const renamed = custom.map((s) => ({ ...s, name: `${s.name} (old)`, options: s.options.map((o) => ({ ...o, name: `${o.name} (old)` })) }));
      const stale = new MetadataExportRenderer(new Ontology([...reservedSchemas, ...renamed]));
      const parts = metadataPartRows(ontology);
      const copies = 3;
      variants.forEach((v, i) => {
        const row = { ...base, ...v };
        const entries = parseEntries(row.metadata);
        [null, current.render(entries), stale.render(entries)].forEach((metadataExport, copy) => {
          const gk = v.globalKey === undefined ? { globalKey: `gk-${i}-${copy}`, gkNorm: `gk-${i}-${copy}` } : v.globalKey === null ? {} : { globalKey: `${v.globalKey}-${copy}`, gkNorm: `${v.gkNorm}-${copy}` };
          store.rows.insert({ ...row, ...gk, metadataExport });
        });
      });
      store.rows.insert({ ...base, globalKey: null, gkNorm: null, orgSeq: 2 }); // another organization: not exported
      store.rows.insert({ ...base, globalKey: null, gkNorm: null, datasetSeq: 8 }); // another dataset: not exported
      const attachmentId = (seq: number) => store.ids.encode("attachment", seq);
      for (const dataset of [{ id: "cds000000000000000000000a", name: "set \\ \"one\" ☔" } as DatasetRecord, undefined]) {
        for (const includeAttachments of [false, true]) {
          for (const includeMetadata of [false, true]) {
            for (const includeDataRowDetails of [false, true]) {
              const params = { includeAttachments, includeMetadata, includeDataRowDetails };
              const js = v2LineBuilder(ontology, params, attachmentId);
              const expected = store.rows.datasetBatch(7, 0, 100).filter((r) => r.orgSeq === 1).map((r) => js(store.ids.encode("row", r.seq), r, dataset));
              const sql = new SqlV2Lines(store.db, store.ids, parts, store.rows.exportKeys.validKeys(parts), params, 99);
              const lines: string[] = [];
              for (let after = 0; ; ) {
                const batch = sql.batch(datasetJson(dataset), 7, 1, after, 3); // small batches: paging is exercised too
                if (batch.lines.length === 0) break;
                lines.push(...batch.lines);
                after = batch.lastSeq;
              }
              // Two ranges split at a middle seq (what the export's two threads read) give the same lines.
              const middle = store.rows.datasetBatch(7, 0, 100)[Math.floor((variants.length * copies) / 2)]!.seq;
              const halves = [...sql.batch(datasetJson(dataset), 7, 1, 0, 1000, middle).lines, ...sql.batch(datasetJson(dataset), 7, 1, middle, 1000).lines];
              expect(halves).toEqual(lines);
              sql.close();
              expect(lines).toHaveLength(variants.length * copies);
              expect(lines).toEqual(expected);
              for (const line of lines) JSON.parse(line);
            }
          }
        }
      }
      expect(store.db.prepare("SELECT COUNT(*) AS n FROM export_metadata_parts").get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});

describe("stored export metadata texts", () => {
  const tag = reservedSchemas.find((s) => s.name === "tag")!.id;
  const entries = [
    { schemaId: tag, value: "t" },
    { schemaId: "cenum0000000000000000000a", value: {} },
    { schemaId: "copt00000000000000000000a", value: {} },
  ];
  const row = (metadataExport: NewDataRow["metadataExport"], gk: string): NewDataRow => ({
    orgSeq: 1, datasetSeq: 7, rowData: "https://example.com/a.jpg", externalId: null, globalKey: gk, gkNorm: gk, mediaType: null, mediaAttributes: null,
    metadata: JSON.stringify(entries), metadataExport, attachments: null, now: "2026-01-01T00:00:00.000Z",
  });
  /** The metadata_fields of each exported line (copied or built), in row order. */
  function exported(store: Store, ontology: Ontology): string[] {
    const parts = metadataPartRows(ontology);
    const sql = new SqlV2Lines(store.db, store.ids, parts, store.rows.exportKeys.validKeys(parts), { includeAttachments: false, includeMetadata: true, includeDataRowDetails: false }, 1);
    try {
      return sql.batch(datasetJson(undefined), 7, 1, 0, 100).lines.map((l) => JSON.stringify(JSON.parse(l).metadata_fields));
    } finally {
      sql.close();
    }
  }

  it("are copied while every schema they name is unchanged, also after schemas or options are added", () => {
    const store = new Store(null);
    try {
      const ontology = new Ontology([...reservedSchemas, ...custom]);
      const rendered = new MetadataExportRenderer(ontology).render(entries)!;
      // A text no walk would build proves which rows are copied.
      store.rows.insert(row({ ...rendered, text: '["copied"]' }, "a"));
      store.rows.insert(row(null, "b"));
      const built = JSON.stringify(JSON.parse(new MetadataExportRenderer(ontology).text(entries)));
      expect(exported(store, ontology)).toEqual(['["copied"]', built]);
      const grown = new Ontology([
        ...reservedSchemas,
        { ...custom[0]!, options: [...custom[0]!.options, option("copt00000000000000000000c", "fog")] },
        custom[1]!,
        { id: "cnew00000000000000000000a", name: "new", kind: "CustomMetadataString", reserved: false, parentId: null, options: [] },
      ]);
      expect(exported(store, grown)).toEqual(['["copied"]', built]);
    } finally {
      store.close();
    }
  });

  it("share one key across the options a row can choose, so keys stay few", () => {
    const ontology = new Ontology([...reservedSchemas, ...custom]);
    const renderer = new MetadataExportRenderer(ontology);
    // An option named alone (without its enum's entry) still brings in the enum and all its options.
    const choose = (option: string) => renderer.render([{ schemaId: tag, value: "t" }, { schemaId: option, value: {} }])!;
    const sunny = choose("copt00000000000000000000a");
    const rain = choose("copt00000000000000000000b");
    expect(sunny.text).not.toBe(rain.text);
    expect(sunny.key).toEqual(rain.key);
    // Stored compactly: each schema's constant text is a marker, `char(1 + its index)` in the key's sorted parts.
    expect(sunny.text).toBe('[\u0002"t"},\u0003]');
    expect(rain.text).toBe('[\u0002"t"},\u0004]');
    expect(JSON.parse(sunny.key.partsJson).map((r: MetadataPartRow) => r[0])).toEqual([tag, "cenum0000000000000000000a", "copt00000000000000000000a", "copt00000000000000000000b"].sort());
  });

  it("are rebuilt when a schema they name was unknown when they were rendered and is known now", () => {
    const store = new Store(null);
    try {
      const embedding = { id: "cemb00000000000000000000a", name: "vec", kind: "CustomMetadataEmbedding", reserved: false, parentId: null, options: [] } as MetadataSchemaRecord;
      const withEmbedding = [...entries, { schemaId: embedding.id, value: [0.5] }];
      const before = new Ontology([...reservedSchemas, ...custom]);
      store.rows.insert({ ...row({ ...new MetadataExportRenderer(before).render(withEmbedding)!, text: '["copied"]' }, "a"), metadata: JSON.stringify(withEmbedding) });
      expect(exported(store, before)).toEqual(['["copied"]']);
      const after = new Ontology([...reservedSchemas, ...custom, embedding]);
      const built = exported(store, after)[0]!;
      expect(JSON.parse(built).at(-1)).toEqual({ schema_id: embedding.id, schema_name: "vec", schema_kind: "CustomMetadataEmbedding", value: [0.5] });
    } finally {
      store.close();
    }
  });

  it("keep being copied after a transaction that recorded their key rolled back", () => {
    const store = new Store(null);
    try {
      const ontology = new Ontology([...reservedSchemas, ...custom]);
      const rendered = new MetadataExportRenderer(ontology).render(entries)!;
      expect(() =>
        store.transaction(() => {
          store.rows.insert(row({ ...rendered, text: '["rolled back"]' }, "a"));
          throw new Error("duplicate global key further on");
        }),
      ).toThrow("duplicate");
      store.transaction(() => store.rows.insert(row({ ...rendered, text: '["copied"]' }, "a")));
      expect(exported(store, ontology)).toEqual(['["copied"]']);
    } finally {
      store.close();
    }
  });

  it("are rebuilt once a schema, an option or an enum parent they name is renamed or deleted", () => {
    const store = new Store(null);
    try {
      const ontology = new Ontology([...reservedSchemas, ...custom]);
      store.rows.insert(row({ ...new MetadataExportRenderer(ontology).render(entries)!, text: '["copied"]' }, "a"));
      const changes: MetadataSchemaRecord[][] = [
        [{ ...custom[0]!, name: "weather2" }, custom[1]!],
        [{ ...custom[0]!, options: [option("copt00000000000000000000a", "sunny2"), custom[0]!.options[1]!] }, custom[1]!],
        [{ ...custom[0]!, options: [custom[0]!.options[1]!] }, custom[1]!],
        [custom[1]!],
      ];
      for (const schemas of changes) {
        const changed = new Ontology([...reservedSchemas, ...schemas]);
        expect(exported(store, changed)).toEqual([JSON.stringify(JSON.parse(new MetadataExportRenderer(changed).text(entries)))]);
      }
      // The unchanged ontology still copies it (nothing was overwritten by the checks above).
      expect(exported(store, ontology)).toEqual(['["copied"]']);
    } finally {
      store.close();
    }
  });
});
