import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Bundles `code` the way a browser app would (platform browser, minified), resolving @lbx/* to
 * their sources. A Node builtin anywhere in the graph fails the build.
 */
export async function browserBundle(code: string, format: "iife" | "esm" = "iife"): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: packageDir, loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    minify: true,
    format,
    platform: "browser",
    target: "es2022",
    conditions: ["@lbx/source"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}
