// Replaced with the package.json version by tsup's `define` at build time (and by the size script
// and vitest config), so no runtime ever reads package.json. Unbuilt sources report "0.0.0-dev".
declare const __LBX_TRANSPORT_VERSION__: string | undefined;

/** The version of `@lbx/transport`, e.g. `"0.1.0"`. */
export const VERSION: string = typeof __LBX_TRANSPORT_VERSION__ === "string" ? __LBX_TRANSPORT_VERSION__ : "0.0.0-dev";
