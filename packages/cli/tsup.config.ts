import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// The version is baked in at build time so that no runtime reads package.json.
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// `index` is the side-effect-free library entry (`runCli`); `bin` is the `lbx` command. ESM
// output is split, so the embedded emulator is loaded only by commands that start one.
export default defineConfig({
  entry: { index: "src/index.ts", bin: "src/bin.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  define: { __LBX_CLI_VERSION__: JSON.stringify(version) },
});
