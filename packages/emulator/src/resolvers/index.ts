// All resolvers, one module per domain, merged into one map.
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import { userResolvers } from "./users.js";
import { datasetResolvers } from "./datasets.js";
import { dataRowResolvers } from "./data-rows.js";
import { attachmentResolvers } from "./attachments.js";
import { metadataResolvers } from "./metadata.js";
import { globalKeyResolvers } from "./global-keys.js";
import { taskResolvers } from "./tasks.js";
import { uploadResolvers } from "./uploads.js";
import { importResolvers } from "./imports.js";
import { exportResolvers } from "./exports.js";

const domains: Array<Resolvers<EmulatorContext>> = [
  userResolvers,
  datasetResolvers,
  dataRowResolvers,
  attachmentResolvers,
  metadataResolvers,
  globalKeyResolvers,
  taskResolvers,
  uploadResolvers,
  importResolvers,
  exportResolvers,
];

/** The merged resolver map; a field defined by two domains is an error. */
export function allResolvers(): Resolvers<EmulatorContext> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const domain of domains) {
    for (const [type, fields] of Object.entries(domain as Record<string, Record<string, unknown>>)) {
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`Resolver ${type}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers<EmulatorContext>;
}
