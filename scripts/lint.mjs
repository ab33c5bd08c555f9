// Source rules no compiler enforces (see ARCHITECTURE.md, "Rules for runtime code"):
// - no TypeScript `enum` (it compiles to an IIFE bundlers cannot drop): use string unions;
// - no import of a package.json at runtime (bundlers would ship the whole manifest);
// - relative imports name their `.js` file, so the ESM build resolves in Node without a bundler;
// - the browser-facing packages never import graphql-js or Node builtins outside `node` subpaths.
import fs from "node:fs";
import path from "node:path";
import { root, recordResults } from "./results.mjs";

const browserPackages = new Set(["transport", "core", "bulk"]);
const nodeOnlyFile = /(^|\/)(node|undici|fs|files?|testing)(\/|\.ts$)|\.node\.ts$/;

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield full;
  }
}

const cases = [];
for (const pkg of fs.readdirSync(path.join(root, "packages"))) {
  const src = path.join(root, "packages", pkg, "src");
  if (!fs.existsSync(src)) continue;
  const problems = [];
  for (const file of sourceFiles(src)) {
    const rel = path.relative(root, file);
    const inSrc = path.relative(src, file);
    const text = fs.readFileSync(file, "utf8");
    text.split("\n").forEach((line, i) => {
      const where = `${rel}:${i + 1}`;
      if (/^\s*(export\s+)?(declare\s+)?(const\s+)?enum\s+\w+/.test(line)) problems.push(`${where}: TypeScript enum; use a string union`);
      const spec = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/.exec(line);
      const target = spec && (spec[1] ?? spec[2] ?? spec[3]);
      if (!target) return;
      if (/package\.json$/.test(target)) problems.push(`${where}: imports ${target} at runtime`);
      if (target.startsWith(".") && !/\.(js|json|cjs|mjs)$/.test(target)) problems.push(`${where}: relative import "${target}" needs its .js suffix`);
      if (browserPackages.has(pkg) && !nodeOnlyFile.test(inSrc)) {
        if (target === "graphql" || target.startsWith("graphql/")) problems.push(`${where}: browser code imports graphql-js`);
        if (target.startsWith("node:")) problems.push(`${where}: browser code imports ${target}; move it behind a Node-only subpath`);
      }
    });
  }
  cases.push({ name: `@lbx/${pkg}: source rules`, ok: problems.length === 0, detail: problems.join("\n") });
}
process.exitCode = recordResults("lint", cases) ? 0 : 1;
