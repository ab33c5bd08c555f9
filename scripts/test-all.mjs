// The test command (`pnpm test`, called by .ci/run): every check the project has, in one run, with
// one closing line `N passed, N failed` that counts every test case and every check script case.
// It keeps going after a failure so one run shows everything that is wrong.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root, resultsDir, workspacePackages } from "./results.mjs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
const turbo = path.join(root, "node_modules/.bin/turbo");
const packages = workspacePackages();

fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
for (const pkg of packages) fs.rmSync(path.join(pkg.dir, ".vitest-report.json"), { force: true });

const steps = [];
function step(name, command, args, options = {}) {
  console.log(`\n=== ${name}: ${[path.basename(command), ...args].join(" ")}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: options.cwd ?? root, stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: r.status === 0, seconds, counted: options.counted ?? false });
  return r.status === 0;
}

step("source rules", process.execPath, ["scripts/lint.mjs"], { counted: true });
step("codegen drift", process.execPath, ["scripts/codegen-check.mjs"], { counted: true });
step("build", turbo, ["run", "build"]);
step("typecheck", turbo, ["run", "typecheck", "--continue"]);
step("schema tests", path.join(root, "node_modules/.bin/vitest"), ["run"], { counted: true });
step("package tests", turbo, ["run", "test", "--continue", "--concurrency=1"], { counted: true });
step("packaging (publint, attw)", process.execPath, ["scripts/check-packages.mjs"], { counted: true });
step("browser entries", process.execPath, ["scripts/check-browser-entries.mjs"], { counted: true });
for (const pkg of packages.filter((p) => p.manifest.scripts?.size)) {
  step(`size budget ${pkg.manifest.name}`, "pnpm", ["run", "size"], { cwd: pkg.dir });
}

// Totals: vitest JSON reports (root + each package), check-script results, and every step that
// is not itself counted through one of those (build, typecheck, size) as one case.
let passed = 0;
let failed = 0;
const lines = [];
function addVitestReport(label, file) {
  if (!fs.existsSync(file)) {
    failed += 1;
    lines.push(`${label}: no test report (the run crashed or found no tests)`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  const suiteFailures = report.success === false && report.numFailedTests === 0 ? Math.max(1, report.numFailedTestSuites) : 0;
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteFailures;
  lines.push(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests + suiteFailures} failed`);
  // Name every failure in the summary: CI logs may be cut to their tail, and a flaky test must be
  // identifiable from that tail alone.
  for (const suite of report.testResults ?? []) {
    const file = path.relative(root, suite.name ?? "");
    if (suite.status === "failed" && (suite.assertionResults ?? []).every((t) => t.status !== "failed")) {
      lines.push(`  FAILED suite ${file}: ${firstLine(suite.message)}`);
    }
    for (const t of suite.assertionResults ?? []) {
      if (t.status === "failed") lines.push(`  FAILED ${file} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    }
  }
}
function firstLine(text) {
  return String(text ?? "").split("\n")[0].slice(0, 300);
}
addVitestReport("schema", path.join(resultsDir, "schema-vitest.json"));
for (const pkg of packages) addVitestReport(pkg.manifest.name, path.join(pkg.dir, ".vitest-report.json"));
for (const file of fs.readdirSync(resultsDir).filter((f) => f.endsWith(".json") && !f.endsWith("-vitest.json"))) {
  const r = JSON.parse(fs.readFileSync(path.join(resultsDir, file), "utf8"));
  passed += r.passed;
  failed += r.failed;
  lines.push(`${path.basename(file, ".json")} checks: ${r.passed} passed, ${r.failed} failed`);
}
for (const s of steps.filter((s) => !s.counted)) {
  if (s.ok) passed += 1;
  else failed += 1;
}

console.log("\n=== summary");
for (const s of steps) console.log(`${s.ok ? "ok  " : "FAIL"} ${s.name} (${s.seconds} s)`);
for (const l of lines) console.log(`     ${l}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && steps.every((s) => s.ok) ? 0 : 1;
