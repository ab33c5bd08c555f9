// Replaced by tsup's `define` at build time (and by the test bundle), so no runtime reads package.json.
declare const __LBX_CLI_VERSION__: string | undefined;

/** The version of `@lbx/cli`. Unbuilt sources report "0.0.0-dev". */
export const VERSION: string = typeof __LBX_CLI_VERSION__ === "string" ? __LBX_CLI_VERSION__ : "0.0.0-dev";
