// Shared by the check scripts: each check records how many cases passed and failed in
// .test-results/<name>.json, and test-all.mjs adds them up into the closing totals line.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const resultsDir = path.join(root, ".test-results");

export function recordResults(name, cases) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const passed = cases.filter((c) => c.ok).length;
  const failed = cases.length - passed;
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), JSON.stringify({ passed, failed, cases }, null, 2));
  for (const c of cases) console.log(`${c.ok ? "ok" : "FAIL"}  ${c.name}${c.detail ? `\n${indent(c.detail)}` : ""}`);
  return failed === 0;
}

function indent(text) {
  return String(text).trimEnd().split("\n").map((l) => `      ${l}`).join("\n");
}

export function workspacePackages() {
  const dir = path.join(root, "packages");
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "package.json")))
    .map((d) => ({ dir: path.join(dir, d), manifest: JSON.parse(fs.readFileSync(path.join(dir, d, "package.json"), "utf8")) }))
    .filter((p) => !p.manifest.private);
}
