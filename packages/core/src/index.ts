export * from "./generated/documents.js";
export type * from "./generated/operation-types.js";
