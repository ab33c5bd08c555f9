import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// The version is baked in at build time so that no runtime (browsers least of all) reads package.json.
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  // One entry per subpath: the main entry must never pull in undici or node:http.
  entry: { index: "src/index.ts", undici: "src/undici.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  external: ["undici"],
  define: { __LBX_TRANSPORT_VERSION__: JSON.stringify(version) },
});
