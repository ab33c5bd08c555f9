// The browser-bundle budget of @lbx/transport, as a check: bundles a small browser app that
// imports fetchTransport + retry + timeout (esbuild, platform browser, minified), gzips it with
// node:zlib, prints the figures and exits 1 above the budget. The result is also recorded in
// .test-results/transport-size.json for the repository's test totals.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { recordResults } from "../../../scripts/results.mjs";

const BUDGET_BYTES = 2048;
const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, "..");
const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));

// What a browser app that makes one retried, time-limited GraphQL call contains.
const app = `
import { compose, fetchTransport, retry, timeout } from "@lbx/transport";
const transport = compose(retry(), timeout({ ms: 30000 }))(fetchTransport());
const response = await transport({
  url: "https://api.labelbox.com/graphql",
  method: "POST",
  headers: { "content-type": "application/json" },
  body: '{"query":"query GetUserPyApi { user { id } }"}',
  operation: { name: "GetUserPyApi", kind: "query", idempotent: true },
});
console.log(await response.json());
`;

// Resolves the package to its TypeScript sources (what dist is built from), so no build is needed first.
const sources = {
  name: "lbx-transport-source",
  setup(b) {
    b.onResolve({ filter: /^@lbx\/transport$/ }, () => ({ path: path.join(packageDir, "src/index.ts") }));
  },
};

/** Bundles `contents` as a browser app; returns the minified bytes, gzipped size and per-file breakdown. */
async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: "js", sourcefile: "browser-app.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "error",
    plugins: [sources],
    define: { __LBX_TRANSPORT_VERSION__: JSON.stringify(version) },
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([file, info]) => [path.relative(packageDir, file) || file, info.bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  return { minified: code.length, gzipped: gzipSync(code).length, inputs };
}

const budgeted = await measure(app);
console.log("browser app: fetchTransport + retry + timeout (esbuild, platform browser, minified)");
for (const [file, bytes] of budgeted.inputs) console.log(`  ${String(bytes).padStart(6)} B min  ${file}`);
console.log(`minified: ${budgeted.minified} B`);
console.log(`gzipped:  ${budgeted.gzipped} B (budget ${BUDGET_BYTES} B)`);

// For information (no budget): the whole recommended stack, createDefaultTransport.
const full = await measure(`
import { createDefaultTransport } from "@lbx/transport";
const transport = createDefaultTransport({ apiKey: "key", rateLimit: "free", onEvent: console.log });
console.log(await transport({ url: "https://api.labelbox.com/graphql", method: "POST", headers: {}, body: "{}" }));
`);
console.log(`for comparison, createDefaultTransport with rate limit and events: ${full.minified} B min, ${full.gzipped} B gzipped (no budget)`);

const ok = budgeted.gzipped <= BUDGET_BYTES;
process.exitCode = recordResults("transport-size", [
  {
    name: `@lbx/transport browser bundle (fetchTransport + retry + timeout) is at most ${BUDGET_BYTES} B gzipped`,
    ok,
    detail: ok ? "" : `measured ${budgeted.gzipped} B gzipped, ${budgeted.gzipped - BUDGET_BYTES} B over budget`,
  },
])
  ? 0
  : 1;
