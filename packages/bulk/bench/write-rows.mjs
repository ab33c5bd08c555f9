// Writes the benchmark's input file: N NDJSON rows (global key, external id, URL, 3 metadata
// fields, 1 attachment). Run as its own process by bench/run.mjs, so that generating the input
// leaves no garbage in the process whose memory the benchmark measures.
//
// Usage: node bench/write-rows.mjs <file> <rows>
import fs from "node:fs";

const [file, rowsText] = process.argv.slice(2);
const rows = Number(rowsText);
if (!file || !Number.isInteger(rows) || rows <= 0) throw new Error("usage: node bench/write-rows.mjs <file> <rows>");

const out = fs.createWriteStream(file);
const splits = ["train", "valid", "test"];
for (let i = 0; i < rows; ) {
  let batch = "";
  for (const end = Math.min(rows, i + 1000); i < end; i++) {
    batch += `${JSON.stringify({
      rowData: `https://storage.googleapis.com/labelbox-datasets/bench/img-${i}.jpg`,
      globalKey: `bench-${rows}-${i}`,
      externalId: `img-${i}.jpg`,
      metadataFields: [
        { name: "tag", value: i % 7 === 0 ? "night" : "day" },
        { name: "split", value: splits[i % 3] },
        { name: "captureDateTime", value: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() },
      ],
      attachments: [{ type: "RAW_TEXT", value: `Frame ${i} of the benchmark.`, name: "caption" }],
    })}\n`;
  }
  if (!out.write(batch)) await new Promise((resolve) => out.once("drain", resolve));
}
await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
