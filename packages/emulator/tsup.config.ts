import { defineConfig } from "tsup";

// `index` is the side-effect-free library entry; `bin` is the `lbx-emulator` command;
// `export-worker` (the export's second thread) and `task-thread` (upsert tasks) are worker-thread
// entries, found next to the running module at run time (src/worker-file.ts). `shims` gives the CommonJS build an `import.meta.url` for that.
export default defineConfig({
  entry: { index: "src/index.ts", bin: "src/bin.ts", "export-worker": "src/exports/export-worker.ts", "task-thread": "src/tasks/task-thread.ts" },
  shims: true,
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
