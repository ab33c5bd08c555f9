// Packs every publishable package exactly as `pnpm publish` would and lints the tarball with
// publint (package.json fields, exports, files) and attw (are the types right for node10, node16
// CJS/ESM and bundlers). Checking the tarball, not the folder, catches files missing from `files`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root, recordResults, workspacePackages } from "./results.mjs";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-pack-"));
const cases = [];
try {
  for (const pkg of workspacePackages()) {
    const name = pkg.manifest.name;
    const dest = path.join(tmp, name.replace(/[@/]/g, "_"));
    fs.mkdirSync(dest);
    const pack = run("pnpm", ["pack", "--pack-destination", dest], pkg.dir);
    const tarball = fs.readdirSync(dest).find((f) => f.endsWith(".tgz"));
    if (pack.status !== 0 || !tarball) {
      cases.push({ name: `${name}: pnpm pack`, ok: false, detail: pack.output });
      continue;
    }
    const file = path.join(dest, tarball);
    const publint = run(bin("publint"), ["run", file, "--strict"], root);
    cases.push({ name: `${name}: publint`, ok: publint.status === 0, detail: publint.status === 0 ? "" : publint.output });
    const attw = run(bin("attw"), [file, "--format", "ascii", "--no-color"], root);
    cases.push({ name: `${name}: attw`, ok: attw.status === 0, detail: attw.status === 0 ? "" : attw.output });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = recordResults("packages", cases) ? 0 : 1;

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}
