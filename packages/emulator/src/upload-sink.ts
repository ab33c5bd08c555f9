// Where the bytes of an uploaded file part go while its request is read. A part up to
// `memoryLimit` bytes (every chunk file an SDK uploads: 1 MB from @lbx/bulk, up to 10 MB from the
// Python SDK) is kept in memory and written with one vectored write when the part ends. Streamed through
// `fs.createWriteStream`, a 1 MB part made ~20 round trips through the event loop (16 KB write
// buffer, one thread-pool write each); while an import task runs, each round trip waits for a
// batch of rows, so every upload took 150-200 ms instead of ~15 (measured from the client), and
// the client sat idle. Larger parts are streamed to disk, with backpressure.
import fs from "node:fs";
import type { Readable } from "node:stream";

/** 16 MiB: above the largest chunk file an SDK uploads. */
export const UPLOAD_MEMORY_LIMIT = 16 * 2 ** 20;

/**
 * Saves `source` at `path`; `onChunk` sees every chunk first. Resolves once the file is complete;
 * rejects on the first error of either side, after which the rest of `source` is read and
 * dropped (so the request it belongs to still ends and can be answered).
 */
export function saveUpload(source: Readable, path: string, onChunk: (chunk: Buffer) => void, memoryLimit = UPLOAD_MEMORY_LIMIT): Promise<void> {
  return new Promise((resolve, reject) => {
    let held: Buffer[] = [];
    let heldBytes = 0;
    let out: fs.WriteStream | null = null;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      held = [];
      out?.destroy();
      source.resume(); // drain what is left; the data handler drops it
      reject(error);
    };
    // One drain listener at a time: the held chunks are written in a burst when streaming starts.
    let waitingForDrain = false;
    const write = (stream: fs.WriteStream, chunk: Buffer): void => {
      if (stream.write(chunk) || waitingForDrain) return;
      waitingForDrain = true;
      source.pause();
      stream.once("drain", () => {
        waitingForDrain = false;
        if (!failed) source.resume();
      });
    };
    source.on("data", (chunk: Buffer) => {
      if (failed) return;
      onChunk(chunk);
      if (out) return write(out, chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes <= memoryLimit) return;
      // Too large to hold: stream from here on.
      out = fs.createWriteStream(path);
      out.on("error", fail);
      const first = held;
      held = [];
      for (const c of first) write(out, c);
    });
    source.on("end", () => {
      if (failed) return;
      if (out) {
        out.end((error?: Error | null) => (error ? fail(error) : resolve()));
        return;
      }
      writeChunks(path, held).then(resolve, fail);
    });
    source.on("error", fail);
  });
}

/**
 * Writes `chunks` as the file at `path`: one vectored write on the thread pool, so neither a
 * concatenated copy nor the copy into the page cache costs the event loop (both did, ~7 ms per
 * MB together on this machine, profiled, when written synchronously).
 */
export async function writeChunks(path: string, chunks: Buffer[]): Promise<void> {
  const file = await fs.promises.open(path, "w");
  try {
    let rest = chunks;
    while (rest.length) {
      const { bytesWritten } = await file.writev(rest.slice(0, 1024)); // IOV_MAX
      if (bytesWritten === 0) throw new Error(`Could not write ${path}: no bytes were written`);
      rest = afterBytes(rest, bytesWritten);
    }
  } finally {
    await file.close();
  }
}

/** `chunks` without their first `bytes` bytes (a write may be partial). */
export function afterBytes(chunks: Buffer[], bytes: number): Buffer[] {
  let i = 0;
  while (i < chunks.length && bytes >= chunks[i]!.length) bytes -= chunks[i++]!.length;
  if (i === chunks.length) return [];
  return bytes ? [chunks[i]!.subarray(bytes), ...chunks.slice(i + 1)] : chunks.slice(i);
}
