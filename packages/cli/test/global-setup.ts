// Bundles the CLI once for every test file (see helpers/bundle.ts) and hands its path over.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { bundleCli } from "./helpers/bundle.js";

declare module "vitest" {
  export interface ProvidedContext {
    lbxBin: string;
    /** A folder for the run's temporary files (sandbox homes, inputs), removed at the end. */
    lbxTmp: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = await bundleCli();
  const tmp = path.join(path.dirname(bin), "tmp");
  fs.mkdirSync(tmp);
  project.provide("lbxBin", bin);
  project.provide("lbxTmp", tmp);
  return () => fs.rmSync(path.dirname(bin), { recursive: true, force: true });
}
