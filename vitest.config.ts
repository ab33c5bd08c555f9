import { defineConfig } from "vitest/config";

// Root-level tests: the wire schema itself (schema/). Each package has its own vitest config.
export default defineConfig({
  test: {
    include: ["schema/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: ".test-results/schema-vitest.json" }]],
  },
});
