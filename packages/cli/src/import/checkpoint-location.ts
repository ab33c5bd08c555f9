// Where an import keeps its checkpoint unless --checkpoint says: one file per (input, dataset)
// under ~/.lbx/checkpoints, so `lbx import FILE --dataset X --resume` finds the run it continues
// without the user naming a file, and a checkpoint never litters the input's folder.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

export function defaultCheckpointFile(env: Readonly<Record<string, string | undefined>>, inputFile: string, datasetId: string): string {
  const id = crypto.createHash("sha256").update(JSON.stringify([path.resolve(inputFile), datasetId])).digest("hex").slice(0, 20);
  return path.join(env["HOME"] || os.homedir(), ".lbx", "checkpoints", `${path.basename(inputFile)}-${id}.json`);
}
