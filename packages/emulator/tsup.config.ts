import { defineConfig } from "tsup";

// `index` is the side-effect-free library entry; `bin` is the `lbx-emulator` command.
export default defineConfig({
  entry: { index: "src/index.ts", bin: "src/bin.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
