// The export's second thread (a `worker_threads` entry, built to dist/export-worker.{js,cjs}):
// builds the v2 lines of some seq ranges of a dataset with its own read-only connection to the
// store's WAL database, using the same SQL as the main thread (sql-lines.ts), encodes each range
// as UTF-8 and hands the bytes over (transferred, not copied; the main thread hands each buffer
// back once written, so buffers are reused) with the UTF-16 length of every line, which the main
// writer needs to lay the lines out in exactly the blocks and chunks a single thread would have
// (NdjsonWriter.appendEncoded). It stays at most `ahead` ranges ahead
// of what the main thread has written, so memory stays bounded.
import Database from "better-sqlite3";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { SeqIds } from "../ids.js";
import { SqlV2Lines } from "./sql-lines.js";
import type { ExportHelperJob, EncodedRange } from "./export-helper.js";

const job = workerData as ExportHelperJob;
const consumed = new Int32Array(job.consumed);
const db = new Database(job.dbPath, { readonly: true });
db.pragma("busy_timeout = 5000");
db.pragma("cache_size = -16384"); // reads each page once, in order: a small cache will do
db.pragma("temp_store = MEMORY");
/** Buffers the main thread has written and handed back (see ExportHelper.written). */
const returned: ArrayBuffer[] = [];
function takeReturned(minBytes: number): ArrayBuffer {
  for (let m = receiveMessageOnPort(job.returns); m; m = receiveMessageOnPort(job.returns)) returned.push(m.message as ArrayBuffer);
  const i = returned.findIndex((b) => b.byteLength >= minBytes);
  if (i >= 0) return returned.splice(i, 1)[0]!;
  returned.pop(); // too small: let it go, a bigger one replaces it
  return new ArrayBuffer(Math.ceil(minBytes * 1.25)); // headroom: the next range's lines may be a little longer
}
try {
  const sql = new SqlV2Lines(db, new SeqIds(job.salt), job.parts, job.validKeys, job.params, job.exportKey);
  for (let r = 0; r < job.ranges.length; r++) {
    // Wait while `ahead` encoded ranges are not yet written by the main thread.
    for (let seen = Atomics.load(consumed, 0); r - seen >= job.ahead; seen = Atomics.load(consumed, 0)) Atomics.wait(consumed, 0, seen, 1000);
    const [after, until] = job.ranges[r]!;
    const { lines } = sql.batch(job.dataset, job.datasetSeq, job.orgSeq, after, Number.MAX_SAFE_INTEGER, until);
    const lengths = new Uint32Array(lines.length);
    let units = 0;
    for (let i = 0; i < lines.length; i++) units += lengths[i] = lines[i]!.length;
    // Encode straight into a buffer the main thread handed back after writing it (a fresh buffer
    // per range, or a copy out of a scratch one, cost page faults on every range: ~0.4-0.5 s per
    // 120,000 lines in profiles), or a new one when none is back yet or it is too small.
    const worst = units * 3 + lines.length;
    const bytes = takeReturned(worst);
    const out = Buffer.from(bytes);
    let used = 0;
    for (const line of lines) {
      used += out.write(line, used, "utf8");
      out[used++] = 0x0a;
    }
    const message: EncodedRange = { bytes, byteLength: used, lengths, count: lines.length };
    parentPort!.postMessage(message, [bytes, lengths.buffer]);
  }
  sql.close();
} finally {
  db.close();
}
