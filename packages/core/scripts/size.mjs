#!/usr/bin/env node
// Bundle-size budgets for browser users of @lbx/core, measured the way a browser app is built:
// esbuild, platform browser, ESM, minified, then gzip. Exits 1 when a scenario is over budget,
// printing its largest inputs. Run: `pnpm --filter @lbx/core size`.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

const scenarios = [
  {
    // The budget: a client over the fetch transport (createClientWithTransport never
    // bundles createClient's default retry/timeout stack) and one row from a URL, the smallest
    // way lbx offers (the one-request classic mutation, which uploads nothing and resolves no
    // metadata names itself). test/e2e/create-data-row-classic.test.ts runs this app's calls
    // against the emulator, and test/e2e/chromium.test.ts in a browser.
    name: "browser app: createClientWithTransport(fetchTransport()) + createDataRowClassic from a URL",
    budget: 5 * 1024,
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
    // No budget: the budget app composed with a local file and metadata by name, what
    // createDataRowClassic leaves to uploadFile and resolveMetadataFields.
    name: "same app with a File (uploadFile) and metadata by name (resolveMetadataFields)",
    budget: undefined,
    code: `
      import { createClientWithTransport, createDataRowClassic, resolveMetadataFields, uploadFile } from "@lbx/core";
      import { fetchTransport } from "@lbx/transport";
      const client = createClientWithTransport({ apiKey: "key", endpoint: "https://api.labelbox.com/graphql", transport: fetchTransport() });
      const file = new File(["x"], "cat.jpg");
      (async () => createDataRowClassic(client, "dataset-id", {
        rowData: await uploadFile(client, file),
        globalKey: "cat-1",
        metadataFields: await resolveMetadataFields(client, [{ name: "split", value: "train" }]),
      }))().then(console.log);
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
  failed ||= !ok;
  const verdict = scenario.budget === undefined ? "info" : ok ? "ok  " : "OVER";
  const budget = scenario.budget === undefined ? "no budget" : `budget ${scenario.budget} B`;
  console.log(`${verdict} ${scenario.name}: ${output.length} B min (${transport} B of it @lbx/transport), ${gzip} B gzip (${budget})`);
  if (!ok) {
    const largest = [...inputs].sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 12);
    for (const [path, info] of largest) console.log(`       ${String(info.bytesInOutput).padStart(7)} B  ${path}`);
  }
}
process.exit(failed ? 1 : 0);
