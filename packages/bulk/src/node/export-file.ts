import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { LbxClient } from "@lbx/core";
import { exportDataRowBytes } from "../export/export-data-rows.js";
import type { ExportOptions } from "../export/types.js";

export interface ExportFileResult {
  readonly file: string;
  /** Lines (data rows) written. */
  readonly rows: number;
  readonly bytes: number;
  readonly seconds: number;
}

/**
 * Writes a dataset's export (see `exportDataRows`) to an NDJSON file, byte for byte as the server
 * streams it, with backpressure: memory stays flat whatever the size. The file appears only when
 * complete (written as `<file>.partial`, then renamed); on failure the partial file is removed.
 *
 * @example
 * const { rows } = await exportDataRowsToFile(client, dataset.id, "./export.ndjson", { includeMetadata: true });
 */
export async function exportDataRowsToFile(client: LbxClient, datasetId: string, file: string, options: ExportOptions = {}): Promise<ExportFileResult> {
  const started = performance.now();
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  await mkdir(path.dirname(target), { recursive: true });
  const out = createWriteStream(partial, { highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  let rows = 0;
  let bytes = 0;
  let endsWithNewline = true;
  try {
    for await (const piece of exportDataRowBytes(client, datasetId, options)) {
      for (let i = piece.indexOf(10); i >= 0; i = piece.indexOf(10, i + 1)) rows += 1;
      endsWithNewline = piece[piece.length - 1] === 10;
      if (!endsWithNewline) {
        // Only the stream's very last piece can end mid-line; give the file its final newline.
        rows += 1;
        out.write(piece);
        out.write("\n");
        bytes += piece.length + 1;
        continue;
      }
      bytes += piece.length;
      if (!out.write(piece)) await Promise.race([once(out, "drain"), failed]);
    }
    out.end();
    await Promise.race([once(out, "finish"), failed]);
    await rename(partial, target);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return { file: target, rows, bytes, seconds: Math.round(performance.now() - started) / 1000 };
}
