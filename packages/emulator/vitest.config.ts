import { defineConfig } from "vitest/config";

// "@lbx/source" resolves workspace packages to their TypeScript sources, so tests never depend on
// another package having been built (or being rebuilt) first. The global setup builds this
// package's own bin, which the process-level tests (bin, crash) spawn.
export default defineConfig({
  resolve: { conditions: ["@lbx/source"] },
  ssr: { resolve: { conditions: ["@lbx/source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
