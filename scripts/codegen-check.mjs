// Regenerates the checked-in codegen output and fails if anything differs, so an operation or
// schema change can never ship without its generated types. The working tree is left as it was.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { root, recordResults } from "./results.mjs";

const config = fs.readFileSync(path.join(root, "codegen.yml"), "utf8");
const outputs = [...config.matchAll(/^ {2}(\S+\.ts):\s*$/gm)].map((m) => m[1]);
if (outputs.length === 0) throw new Error("codegen.yml lists no generated .ts outputs");

const before = new Map(outputs.map((f) => [f, read(f)]));
let cases;
try {
  execFileSync(path.join(root, "node_modules/.bin/graphql-codegen"), ["--config", "codegen.yml", "--silent"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  cases = outputs.map((f) => {
    const fresh = read(f);
    const ok = fresh === before.get(f);
    return { name: `codegen output up to date: ${f}`, ok, detail: ok ? "" : "differs from a fresh `pnpm codegen`; run it and commit the result" };
  });
} catch (error) {
  cases = [{ name: "codegen runs", ok: false, detail: String(error.message) }];
} finally {
  for (const [f, text] of before) {
    if (text === null) fs.rmSync(path.join(root, f), { force: true });
    else fs.writeFileSync(path.join(root, f), text);
  }
}
process.exitCode = recordResults("codegen", cases) ? 0 : 1;

function read(f) {
  try {
    return fs.readFileSync(path.join(root, f), "utf8");
  } catch {
    return null;
  }
}
