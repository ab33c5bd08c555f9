import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { CreatedUpsertTasksDocument } from "../../src/documents/created-tasks.js";
import { deleteDataRowsDocument } from "../../src/documents/delete-data-rows.js";

const schema = buildSchema(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../schema/labelbox.graphql"), "utf8"));

describe("documents bulk sends that @lbx/core does not have", () => {
  it("are valid against the wire schema", () => {
    for (const document of [CreatedUpsertTasksDocument, deleteDataRowsDocument(["ck1", "ck2"])]) {
      expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    }
  });

  it("the delete document inlines ids exactly as Python's json.dumps does (spec §9.5)", () => {
    expect(deleteDataRowsDocument(["c8t1uj8fqr0zr7hyrntzdw2o5", "cgbx4eivwstvsm6re8nv6vu3r"])).toBe(
      'mutation deleteDataRowsPyApi{deleteDataRows(where: {dataRowIds: ["c8t1uj8fqr0zr7hyrntzdw2o5", "cgbx4eivwstvsm6re8nv6vu3r"]}){id}}',
    );
    expect(deleteDataRowsDocument(['a"b', "é"])).toContain('["a\\"b", "\\u00e9"]');
  });
});
