// lbx data-rows import | export | get | update | delete (import and export also as `lbx import` / `lbx export`)
import type { Command } from "commander";
import { examples, type Runtime } from "../../command-kit.js";
import { registerDelete } from "./delete.js";
import { registerExport } from "./export.js";
import { registerGet } from "./get.js";
import { registerImport } from "./import.js";
import { registerUpdate } from "./update.js";

export function registerDataRows(program: Command, runtime: Runtime): void {
  const group = program.command("data-rows").description("import, export, show, update and delete data rows");
  examples(group, "lbx data-rows import rows.ndjson --dataset Cats --create", "lbx data-rows get --global-key cat-1");
  registerImport(group, runtime);
  registerExport(group, runtime);
  registerGet(group, runtime);
  registerUpdate(group, runtime);
  registerDelete(group, runtime);
  // The two commands people run most, one word shorter.
  registerImport(program, runtime, true);
  registerExport(program, runtime, true);
}
