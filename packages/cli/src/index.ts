// @lbx/cli: the `lbx` command. The library entry lets other tools run it in-process.
export { runCli } from "./main.js";
export type { RunOptions } from "./main.js";
export { ExitCode } from "./exit-codes.js";
export { Redactor, redactingOutput } from "./output/redact.js";
export type { Output } from "./output/redact.js";
export { processIo } from "./io.js";
export type { Io } from "./io.js";
