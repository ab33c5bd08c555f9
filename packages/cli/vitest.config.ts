import { defineConfig } from "vitest/config";

// "@lbx/source" resolves workspace packages to their TypeScript sources, so tests never depend on
// another package having been built (or being rebuilt) first. The end-to-end tests run a bundle
// of the CLI made the same way (test/global-setup.ts).
export default defineConfig({
  resolve: { conditions: ["@lbx/source"] },
  ssr: { resolve: { conditions: ["@lbx/source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    // The end-to-end tests mostly wait on child processes and servers: run three files at once.
    maxWorkers: 3,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
