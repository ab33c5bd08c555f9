// @lbx/emulator: a local Labelbox-compatible GraphQL server. Importing this module starts
// nothing; call `startEmulator()`.
export { startEmulator } from "./start.js";
export type { RunningEmulator } from "./start.js";
export { DEFAULT_API_KEY, DEFAULT_ORGANIZATION } from "./options.js";
export type { EmulatorOptions, EmulatorUser, EmulatorOrganization } from "./options.js";
export type { Limits } from "./rules/limits.js";
export { defaultLimits } from "./rules/limits.js";
export type { FaultConfig, FaultRule, FaultKind } from "./faults.js";
export { schemaSDL } from "./generated/schema.js";
