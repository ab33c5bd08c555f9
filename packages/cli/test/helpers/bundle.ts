// Builds the CLI for the end-to-end tests: one ESM file bundled with esbuild from the TypeScript
// sources of every @lbx package ("@lbx/source" condition), so the tests run the real bin as a
// child process without building (or racing the builds of) the other packages. Only
// better-sqlite3 stays outside, a native addon, imported by absolute path.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const cliDir = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

const nativeByAbsolutePath: Plugin = {
  name: "native-by-absolute-path",
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, async (args) => {
      if (args.pluginData === "inner") return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "inner" });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

/**
 * Bundles src/bin.ts into a fresh temporary folder and returns the bin's path. Code splitting
 * keeps the embedded emulator (graphql, SQLite) in a chunk loaded only by commands that start
 * one, which makes every other spawn about 0.1 s faster.
 */
export async function bundleCli(root: string = cliDir): Promise<string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-cli-test-"));
  await build({
    entryPoints: { lbx: path.join(root, "src/bin.ts") },
    outdir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@lbx/source"],
    plugins: [nativeByAbsolutePath],
    define: { __LBX_CLI_VERSION__: JSON.stringify("0.0.0-test") },
    // CommonJS dependencies (commander, graphql, busboy) call require() for Node builtins.
    banner: { js: "import { createRequire as __lbxCreateRequire } from 'node:module'; const require = __lbxCreateRequire(import.meta.url);" },
    logLevel: "warning",
  });
  return path.join(outdir, "lbx.mjs");
}
