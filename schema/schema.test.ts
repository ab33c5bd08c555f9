// The project's wire schema must stay a faithful superset of what real clients send: every
// operation lbx sends and every document the official Python SDK was recorded sending must
// parse and validate against it. graphql-js is used here, at test time only.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(root, "schema/labelbox.graphql"), "utf8"));

function graphqlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => path.join(dir, f));
}

function validationErrors(file: string): string[] {
  const document = parse(fs.readFileSync(file, "utf8"));
  return validate(schema, document).map((e) => e.message);
}

const lbxOperations = graphqlFiles(path.join(root, "packages/core/src/operations"));
// The recorded documents live beside the repository (../shared), as on every developer machine and in CI.
const recordedOps = path.resolve(root, "../shared/spec/ops");

describe("wire schema", () => {
  it("is valid SDL", () => {
    expect(schema.getQueryType()).toBeDefined();
    expect(schema.getMutationType()).toBeDefined();
  });

  it("has lbx operation documents to check", () => {
    expect(lbxOperations.length).toBeGreaterThan(0);
  });

  it.each(lbxOperations.map((f) => [path.basename(f), f]))("validates lbx operation %s", (_name, file) => {
    expect(validationErrors(file)).toEqual([]);
  });

  it("can see the recorded Python SDK documents", () => {
    expect(fs.existsSync(recordedOps), `expected the recorded documents at ${recordedOps}`).toBe(true);
    expect(graphqlFiles(recordedOps).length).toBeGreaterThan(50);
  });

  const recorded = fs.existsSync(recordedOps) ? graphqlFiles(recordedOps) : [];
  it.each(recorded.map((f) => [path.basename(f), f]))("validates recorded document %s", (_name, file) => {
    expect(validationErrors(file)).toEqual([]);
  });

  it("rejects a document that selects a field the schema lacks", () => {
    const errors = validate(schema, parse("query { dataRow(where: {id: \"x\"}) { noSuchField } }"));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("noSuchField")]);
  });
});
