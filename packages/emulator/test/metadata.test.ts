// The metadata ontology and per-row metadata: reserved schemas with their fixed ids, custom
// schemas (create / update / delete, limits), row upsert / delete / export by id and global key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, gql } from "./helpers/client.js";
import { createDataset, createRow } from "./helpers/flows.js";

const ONTOLOGY = `query{customMetadataOntology{id name kind reserved options{id kind name reserved}}}`;
const UPSERT_SCHEMA = `mutation($data: UpsertCustomMetadataSchemaInput!){upsertCustomMetadataSchema(data: $data){id name kind options{id name kind}}}`;
const TAG = "cko8s9r5v0001h2dk9elqdidh";

let emu: RunningEmulator;
let url: string;
let key: string;
beforeAll(async () => {
  emu = await startEmulator({ limits: { maxCustomMetadataSchemas: 3, maxEnumOptions: 2 } });
  ({ url, apiKey: key } = emu);
});
afterAll(() => emu.close());

describe("ontology", () => {
  it("serves the reserved schemas with the cloud's exact ids", async () => {
    const d = await data(url, key, ONTOLOGY, null);
    expect(d.customMetadataOntology).toEqual([
      { id: TAG, name: "tag", kind: "CustomMetadataString", reserved: true, options: [] },
      {
        id: "cko8sbczn0002h2dkdaxb5kal",
        name: "split",
        kind: "CustomMetadataEnum",
        reserved: true,
        options: [
          { id: "cko8sbscr0003h2dk04w86hof", kind: "CustomMetadataEnumOption", name: "train", reserved: true },
          { id: "cko8sc2yr0004h2dk69aj5x63", kind: "CustomMetadataEnumOption", name: "valid", reserved: true },
          { id: "cko8scbz70005h2dkastwhgqt", kind: "CustomMetadataEnumOption", name: "test", reserved: true },
        ],
      },
      { id: "cko8sdzv70006h2dk8jg64zvb", name: "captureDateTime", kind: "CustomMetadataDateTime", reserved: true, options: [] },
    ]);
  });
  it("creates, renames (keeping option ids), deletes custom schemas, within the limits", async () => {
    const created = (await data(url, key, UPSERT_SCHEMA, { data: { name: "my_enum", kind: "CustomMetadataEnum", options: [{ name: "a", kind: "CustomMetadataEnumOption" }, { name: "b", kind: "CustomMetadataEnumOption" }] } }))
      .upsertCustomMetadataSchema;
    expect(created.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(created.options.map((o: { name: string }) => o.name)).toEqual(["a", "b"]);
    const renamed = (await data(url, key, UPSERT_SCHEMA, { data: { id: created.id, name: "my_enum2", kind: "CustomMetadataEnum", options: created.options } })).upsertCustomMetadataSchema;
    expect(renamed).toEqual({ ...created, name: "my_enum2" });
    const tooMany = await gql(url, key, UPSERT_SCHEMA, { data: { name: "e3", kind: "CustomMetadataEnum", options: ["x", "y", "z"].map((name) => ({ name, kind: "CustomMetadataEnumOption" })) } });
    expect(tooMany.body.errors?.[0]?.message).toBe("An enum can have at most 2 options");
    const reservedName = await gql(url, key, UPSERT_SCHEMA, { data: { name: "tag", kind: "CustomMetadataString" } });
    expect(reservedName.body.errors?.[0]?.extensions.code).toBe("RESOURCE_CONFLICT");
    const reservedChange = await gql(url, key, UPSERT_SCHEMA, { data: { id: TAG, name: "tag2", kind: "CustomMetadataString" } });
    expect(reservedChange.body.errors?.[0]?.extensions.code).toBe("OPERATION_NOT_ALLOWED");
    await data(url, key, UPSERT_SCHEMA, { data: { name: "n1", kind: "CustomMetadataNumber" } });
    await data(url, key, UPSERT_SCHEMA, { data: { name: "s1", kind: "CustomMetadataString" } });
    const overLimit = await gql(url, key, UPSERT_SCHEMA, { data: { name: "s2", kind: "CustomMetadataString" } });
    expect(overLimit.body.errors?.[0]?.message).toBe("An organization can have at most 3 custom metadata schemas");
    const deleted = await data(url, key, `mutation($where: WhereUniqueIdInput!){deleteCustomMetadataSchema(schema: $where){success}}`, { where: { id: created.id } });
    expect(deleted.deleteCustomMetadataSchema.success).toBe(true);
    const names = (await data(url, key, ONTOLOGY, null)).customMetadataOntology.map((s: { name: string }) => s.name);
    expect(names).toEqual(["tag", "split", "captureDateTime", "n1", "s1"]);
  });
});

describe("row metadata", () => {
  it("upserts by id and global key, reports failures only, exports and deletes", async () => {
    const ds = await createDataset(url, key);
    const row = await createRow(url, key, ds, { gk: "md-row" });
    const upsert = await data(url, key, `mutation($m: [DataRowCustomMetadataBatchUpsertInput!]!){upsertDataRowCustomMetadata(data: $m){globalKey dataRowId error fields{value schemaId}}}`, {
      m: [
        { dataRowId: row, fields: [{ schemaId: TAG, value: "first" }] },
        { globalKey: "MD-ROW", fields: [{ schemaId: "cko8sbczn0002h2dkdaxb5kal", value: {} }, { schemaId: "cko8sc2yr0004h2dk69aj5x63", value: {} }] },
        { dataRowId: "cdoesnotexist000000000000", fields: [{ schemaId: TAG, value: "x" }] },
        { dataRowId: row, fields: [{ schemaId: TAG, value: "a" }, { schemaId: TAG, value: "b" }] },
      ],
    });
    expect(upsert.upsertDataRowCustomMetadata).toHaveLength(2);
    expect(upsert.upsertDataRowCustomMetadata[0].error).toMatch(/Data row not found/);
    expect(upsert.upsertDataRowCustomMetadata[1].error).toMatch(/only be specified once per DataRow for CustomMetadataString/);
    const exported = await data(url, key, `query($ids: [ID!]!){dataRowCustomMetadata(where: {dataRowIds: $ids}){dataRowId globalKey fields{value schemaId}}}`, { ids: [row] });
    expect(exported.dataRowCustomMetadata).toEqual([
      {
        dataRowId: row,
        globalKey: "md-row",
        fields: [
          { schemaId: TAG, value: "first" },
          { schemaId: "cko8sbczn0002h2dkdaxb5kal", value: {} },
          { schemaId: "cko8sc2yr0004h2dk69aj5x63", value: {} },
        ],
      },
    ]);
    const byKey = await data(url, key, `query{dataRowCustomMetadata(where: {dataRowIdentifiers: {ids: ["md-row"], idType: GKEY}}){dataRowId}}`);
    expect(byKey.dataRowCustomMetadata).toEqual([{ dataRowId: row }]);
    const del = await data(url, key, `mutation($d: [DataRowIdentifierCustomMetadataBatchDeleteInput!]){deleteDataRowCustomMetadata(dataRowIdentifiers: $d){dataRowId error}}`, {
      d: [{ dataRowIdentifier: { id: row, idType: "ID" }, schemaIds: ["cko8sbczn0002h2dkdaxb5kal"] }],
    });
    expect(del.deleteDataRowCustomMetadata).toEqual([]);
    const fields = await data(url, key, `query($id: ID!){dataRow(where: {id: $id}){metadataFields{name value}}}`, { id: row });
    expect(fields.dataRow.metadataFields).toEqual([{ name: "tag", value: "first" }]);
  });
  it("createDataRow with contradictory metadata is a MALFORMED_REQUEST", async () => {
    const ds = await createDataset(url, key);
    const r = await gql(url, key, `mutation($d: ID!, $md: [DataRowCustomMetadataUpsertInput!]){createDataRow(data: {rowData: "https://e.com/x.jpg", metadataFields: $md, dataset: {connect: {id: $d}}}){id}}`, {
      d: ds,
      md: [{ schemaId: TAG, value: "a" }, { schemaId: TAG, value: "b" }],
    });
    expect(r.body.errors?.[0]?.extensions.code).toBe("MALFORMED_REQUEST");
    expect(r.body.errors?.[0]?.message).toContain("A schemaId can only be specified once per DataRow for CustomMetadataString");
  });
});
