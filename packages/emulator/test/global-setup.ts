// The bin and crash tests run the built `dist/bin.js` in child processes. Build it when it is
// missing or older than the sources (CI builds first, so this is a no-op there).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const bin = path.join(root, "dist", "bin.js");
  if (fs.existsSync(bin) && fs.statSync(bin).mtimeMs >= newest(path.join(root, "src"))) return;
  const tsup = path.join(root, "node_modules", ".bin", "tsup");
  const r = spawnSync(fs.existsSync(tsup) ? tsup : "npx", fs.existsSync(tsup) ? [] : ["tsup"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("Building dist/bin.js for the bin tests failed");
}
