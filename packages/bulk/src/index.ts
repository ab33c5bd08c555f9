// Building blocks available now; the bulk import/export API arrives with its issue (see README).
export { NdjsonParseError, ndjsonLines, parseNdjson, type NdjsonOptions } from "./ndjson.js";
