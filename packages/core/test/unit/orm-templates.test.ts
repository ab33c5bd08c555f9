import { describe, expect, it } from "vitest";
import {
  createDatasetDocument,
  dataRowAttachmentsDocument,
  datasetsDocument,
  deleteDataRowsDocument,
  pythonJsonString,
  refreshTaskDocument,
  updateFieldsDocument,
} from "../../src/documents/orm-templates.js";
import { DATA_ROW_FIELDS, DATASET_FIELDS } from "../../src/documents/selections.js";
import { specDocument } from "../helpers/spec.js";

// The recorded inputs must give the recorded bytes; other inputs follow the ORM's format strings.
describe("ORM templates reproduce the recorded documents byte for byte", () => {
  it("updateDataRowPyApi (rowData, globalKey, externalId)", () => {
    expect(updateFieldsDocument("DataRow", ["rowData", "globalKey", "externalId"], DATA_ROW_FIELDS)).toBe(specDocument("updateDataRowPyApi__3a9f2103"));
  });

  it("updateDatasetPyApi (name, description)", () => {
    expect(updateFieldsDocument("Dataset", ["name", "description"], DATASET_FIELDS)).toBe(specDocument("updateDatasetPyApi__636158ec"));
  });

  it("CreateDatasetPyApi (name)", () => {
    expect(createDatasetDocument(["name"])).toBe(specDocument("CreateDatasetPyApi__2e55bed4"));
  });

  it("GetDatasetsPyApi (name filter, first page)", () => {
    expect(datasetsDocument(true, 0)).toBe(specDocument("GetDatasetsPyApi__8e8f367d"));
  });

  it("GetDataRowAttachmentsPyApi (first page, SDK >= 3.66 selection)", () => {
    expect(dataRowAttachmentsDocument(0)).toBe(specDocument("GetDataRowAttachmentsPyApi__63c556ed"));
  });

  it("GetUserCreatedTasksPyApi as Task.refresh() sends it", () => {
    expect(refreshTaskDocument).toBe(specDocument("GetUserCreatedTasksPyApi__03066520"));
  });

  it("deleteDataRowsPyApi with one and with two inlined ids", () => {
    expect(deleteDataRowsDocument(["c3eqe1mgzm36pxn60lntdw8j5"])).toBe(specDocument("deleteDataRowsPyApi__da00088e"));
    expect(deleteDataRowsDocument(["c8t1uj8fqr0zr7hyrntzdw2o5", "cgbx4eivwstvsm6re8nv6vu3r"])).toBe(specDocument("deleteDataRowsPyApi__2c2db37a"));
  });
});

describe("ORM templates for inputs the captures do not cover", () => {
  it("update with one field", () => {
    expect(updateFieldsDocument("DataRow", ["externalId"], "id")).toBe(
      "mutation updateDataRowPyApi($externalId: String!, $DataRowId: ID!){updateDataRow(\n        where: {id: $DataRowId} data: {externalId: $externalId}) {id}} ",
    );
  });

  it("create with a description", () => {
    expect(createDatasetDocument(["name", "description"])).toBe(
      `mutation CreateDatasetPyApi($name: String!, $description: String!){createDataset(data: {name: $name description: $description}) {${DATASET_FIELDS}}} `,
    );
  });

  it("datasets without a name filter, and a later page", () => {
    expect(datasetsDocument(false, 200)).toBe(
      `query GetDatasetsPyApi($param_0: Boolean!){datasets(where: {deleted: $param_0} skip: 200 first: 100){${DATASET_FIELDS}}}`,
    );
    expect(dataRowAttachmentsDocument(100)).toContain("attachments(skip: 100 first: 100)");
  });

  it("inlined ids are escaped like Python's json.dumps, so none can break out of its literal", () => {
    expect(pythonJsonString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(pythonJsonString("é\n😀\u007f")).toBe('"\\u00e9\\n\\ud83d\\ude00\\u007f"');
    expect(deleteDataRowsDocument(['x"]}){id}} mutation evil{'])).toBe(
      'mutation deleteDataRowsPyApi{deleteDataRows(where: {dataRowIds: ["x\\"]}){id}} mutation evil{"]}){id}}',
    );
  });
});
