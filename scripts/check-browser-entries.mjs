// The browser entries of @lbx/transport, @lbx/core and @lbx/bulk must run in a page: bundling them for the
// browser platform must need no Node builtin, and the output must not touch a bare `process` or
// `require`, nor carry graphql-js. esbuild's `define` swaps those globals for sentinels, so a
// guarded `globalThis.process?.env` lookup passes while a bare `process.env` does not.
import path from "node:path";
import * as esbuild from "esbuild";
import { root, recordResults } from "./results.mjs";

const entries = [
  { name: "@lbx/transport", file: "packages/transport/dist/index.js" },
  { name: "@lbx/core", file: "packages/core/dist/index.js" },
  { name: "@lbx/bulk", file: "packages/bulk/dist/index.js" },
];
const sentinels = { process: "__LBX_BARE_PROCESS__", require: "__LBX_BARE_REQUIRE__" };

const cases = [];
for (const entry of entries) {
  const problems = [];
  try {
    const result = await esbuild.build({
      entryPoints: [path.join(root, entry.file)],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
      define: sentinels,
    });
    const text = result.outputFiles[0].text;
    for (const [global, sentinel] of Object.entries(sentinels)) {
      if (text.includes(sentinel)) problems.push(`references the global \`${global}\``);
    }
    const inputs = Object.keys(result.metafile.inputs);
    const graphql = inputs.filter((i) => /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?graphql\//.test(i));
    if (graphql.length) problems.push(`bundles graphql-js (${graphql[0]})`);
    const nodeBuiltins = inputs.filter((i) => i.startsWith("node:"));
    if (nodeBuiltins.length) problems.push(`imports Node builtins: ${nodeBuiltins.join(", ")}`);
  } catch (error) {
    problems.push(`does not bundle for the browser: ${error.errors?.map((e) => e.text).join("; ") ?? error.message}`);
  }
  cases.push({ name: `${entry.name}: browser entry is clean`, ok: problems.length === 0, detail: problems.join("\n") });
}
process.exitCode = recordResults("browser-entries", cases) ? 0 : 1;
