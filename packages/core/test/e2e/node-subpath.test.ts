import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { createDataset, type LbxClient, ValidationError } from "../../src/index.js";
import { contentTypeOf, createDataRowFromPath, fileFromPath } from "../../src/node.js";
import { emulatorWithClient } from "./setup.js";

let emulator: RunningEmulator;
let client: LbxClient;
let dir: string;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
  dir = await mkdtemp(join(tmpdir(), "lbx-core-"));
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("@lbx/core/node", () => {
  it("guesses content types like Python's mimetypes for common files", () => {
    expect(contentTypeOf("/a/b/cat.JPG")).toBe("image/jpeg");
    expect(contentTypeOf("doc.pdf")).toBe("application/pdf");
    expect(contentTypeOf("notes.unknownext")).toBe("");
  });

  it("fileFromPath gives a File named after the file, backed by the disk", async () => {
    const path = join(dir, "local_image.jpg");
    await writeFile(path, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]));
    const file = await fileFromPath(path);
    expect([file.name, file.type, file.size]).toEqual(["local_image.jpg", "image/jpeg", 6]);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]));
  });

  it("a missing path or a directory is a ValidationError naming it", async () => {
    await expect(fileFromPath(join(dir, "nope.jpg"))).rejects.toBeInstanceOf(ValidationError);
    await expect(fileFromPath(dir)).rejects.toThrow("is not a file");
  });

  it("createDataRowFromPath uploads the file and defaults externalId to the path, as Python does", async () => {
    const path = join(dir, "upload.png");
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await writeFile(path, bytes);
    const dataset = await createDataset(client, { name: "node-subpath", iamIntegration: null });
    const row = await createDataRowFromPath(client, dataset.id, path, { globalKey: "from-path" });
    expect(row.externalId).toBe(path);
    expect(row.globalKey).toBe("from-path");
    expect(new Uint8Array(await (await fetch(row.rowData ?? "")).arrayBuffer())).toEqual(bytes);
  });
});
