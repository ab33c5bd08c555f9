import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as documents from "../../src/generated/documents.js";
import { SPEC_DIR } from "../helpers/spec.js";

const OPERATIONS = fileURLToPath(new URL("../../src/operations/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${SPEC_DIR}ops/manifest.json`, "utf8")) as { file: string; op: string; versions: string[] }[];

// The documents we send are the Python SDK 6.0's, copied byte for byte; where 6.0 sends two
// variants under one name, the one in src/operations is the fixed-text one (the other is a template).
// The exceptions are chosen older protocols (ARCHITECTURE.md), each pinned to the release we copy.
const OLDER_PROTOCOLS: Readonly<Record<string, string>> = {
  // One-row create: the classic mutation, one request instead of the 6.0 upsert's nine.
  CreateDataRowPyApi: "v.3.49.1",
};

describe("src/operations", () => {
  for (const file of readdirSync(OPERATIONS).filter((f) => f.endsWith(".graphql"))) {
    const op = file.replace(/\.graphql$/, "");
    const release = OLDER_PROTOCOLS[op] ?? "v.6.0.0";
    it(`${file} is a recorded SDK ${release} document, byte for byte, and the generated string is the same`, () => {
      const text = readFileSync(`${OPERATIONS}${file}`, "utf8");
      const recorded = manifest.filter((m) => m.op === op && m.versions.includes(release)).map((m) => readFileSync(`${SPEC_DIR}${m.file}`, "utf8"));
      expect(recorded).toContain(text);
      expect((documents as Record<string, unknown>)[`${op}Document`]).toBe(text);
    });
  }
});
