import { defineConfig } from "tsup";

export default defineConfig({
  // `node` is a separate entry so the browser entry never pulls in `node:` modules.
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
