// Where a built worker-thread entry is (tsup.config.ts builds them next to the other entries).
import fs from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The built worker file `name` (e.g. "export-worker") next to the running module:
 * `dist/<name>.js`, or `.cjs` from the CommonJS build. Null when running from the TypeScript
 * sources (tests and `startEmulator` imported through the `@lbx/source` condition), where no
 * worker can be started, or when the file is missing: callers then do the work in-process.
 */
export function builtWorkerFile(name: string): string | null {
  const here = import.meta.url;
  if (!here || !here.startsWith("file:") || /\.[cm]?ts$/.test(here)) return null;
  // The CommonJS build's `import.meta.url` is a shim that does not escape the path: an install
  // path with `%` or `#` gives a URL that does not resolve. Then work in-process, never throw.
  try {
    const file = fileURLToPath(new URL(`./${name}${here.endsWith(".cjs") ? ".cjs" : ".js"}`, here));
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}
