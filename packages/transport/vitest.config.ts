import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// "@lbx/source" resolves workspace packages to their TypeScript sources, so tests never depend on
// another package having been built (or being rebuilt) first.
export default defineConfig({
  resolve: { conditions: ["@lbx/source"] },
  ssr: { resolve: { conditions: ["@lbx/source"] } },
  // Same build-time constant as tsup.config.ts, so tests see the real version in headers.
  define: { __LBX_TRANSPORT_VERSION__: JSON.stringify(version) },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
