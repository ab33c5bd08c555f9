import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { CheckpointMismatchError } from "../errors.js";
import type { CheckpointStore } from "../types.js";

/**
 * A checkpoint kept in a JSON file. Every save writes a temporary file beside it, flushes it to
 * disk and renames it over the old one, so a process killed at any instant leaves either the
 * previous state or the new one, never a torn file. `clear` (called when an import completes)
 * deletes it.
 *
 * @example
 * const checkpoint = fileCheckpoint("./import.checkpoint.json");
 * await importDataRows(client, datasetId, readRows("./rows.ndjson"), { checkpoint }); // run again after a crash to resume
 */
export function fileCheckpoint(file: string): CheckpointStore {
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(target, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new CheckpointMismatchError(`The checkpoint file ${target} is not JSON (${(error as Error).message}); delete it to start over`);
      }
    },
    async save(state) {
      await mkdir(path.dirname(target), { recursive: true });
      const handle = await open(temp, "w");
      try {
        await handle.writeFile(JSON.stringify(state));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    },
    async clear() {
      await rm(target, { force: true });
      await rm(temp, { force: true });
    },
  };
}
