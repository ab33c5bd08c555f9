// Writes the Quick start example: rows.ndjson (1,200 rows) and a few small PNG files that the
// import uploads as local files. Deterministic, so the committed output only changes with this
// script. Run: node examples/quickstart/generate.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const ROWS = 1_200;
const splits = ["train", "valid", "test"];
const colors = { red: [220, 40, 40], green: [40, 180, 70], blue: [40, 90, 220] };

// --- a minimal PNG encoder: 32x32 solid colour, 8-bit RGB ---------------------------------------
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png([r, g, b], size = 32) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set([r, g, b], y * (1 + size * 3) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const [name, rgb] of Object.entries(colors)) fs.writeFileSync(path.join(here, "images", `${name}.png`), png(rgb));

// --- rows --------------------------------------------------------------------------------------
const lines = [];
const localImages = Object.keys(colors);
for (let i = 0; i < ROWS; i++) {
  const n = String(i).padStart(5, "0");
  const local = i < localImages.length;
  const row = {
    rowData: local ? `./images/${localImages[i]}.png` : `https://storage.googleapis.com/labelbox-datasets/quickstart/img-${n}.jpg`,
    globalKey: `quickstart-${n}`,
    externalId: `img-${n}.jpg`,
    metadataFields: [
      { name: "tag", value: i % 7 === 0 ? "night" : "day" },
      { name: "split", value: splits[i % splits.length] },
      { name: "captureDateTime", value: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString() },
    ],
    attachments: [
      { type: "IMAGE_OVERLAY", value: `https://storage.googleapis.com/labelbox-datasets/quickstart/mask-${n}.png`, name: "mask" },
      { type: "RAW_TEXT", value: `Frame ${i} of the quickstart sequence.`, name: "caption" },
    ],
  };
  lines.push(JSON.stringify(row));
}
fs.writeFileSync(path.join(here, "rows.ndjson"), `${lines.join("\n")}\n`);
console.log(`wrote ${ROWS} rows and ${localImages.length} images to ${path.relative(process.cwd(), here)}`);
