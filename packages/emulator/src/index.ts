export { schemaSDL } from "./generated/schema.js";
