// The caller: `user`, `organization`, the organization's IAM integrations, and the caller's tasks
// (`user { createdTasks }` is the only way the SDK reads tasks; only their creator sees them).
import { createHash } from "node:crypto";
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import type { TaskRecord } from "../db/records.js";
import { notFound } from "../errors.js";
import { intArg } from "./common.js";
import { matchesWhere, sortBy } from "./where.js";

/** Filter/sort fields of a task, as the ORM names them. */
export function taskField(task: TaskRecord, name: string): unknown {
  switch (name) {
    case "id":
    case "name":
    case "status":
    case "type":
    case "createdAt":
    case "updatedAt":
    case "completionPercentage":
      return task[name];
    default:
      return undefined;
  }
}

export const userResolvers: Resolvers<EmulatorContext> = {
  Query: {
    user: (_parent, { where }, ctx) => {
      if (where && where.id !== ctx.user.id) throw notFound("User", where.id);
      return ctx.user;
    },
    organization: (_parent, _args, ctx) => ctx.org,
    iamIntegrations: (_parent, _args, ctx) => ctx.services.store.orgs.iamIntegrations(ctx.org.seq),
  },
  User: {
    intercomHash: (user) => createHash("sha256").update(user.id).digest("hex"),
    picture: () => null,
    isViewer: () => false,
    isExternalUser: () => false,
    timezone: () => null,
    isAdvEnabled: (_user, _args, ctx) => ctx.org.adv,
    organization: (user, _args, ctx) => ctx.services.store.orgs.org(user.orgSeq) ?? null,
    createdTasks: (user, { where, skip, first, orderBy }, ctx) => {
      if (user.id !== ctx.user.id) return [];
      const store = ctx.services.store;
      const w = where as Record<string, unknown> | null | undefined;
      // The SDK always asks for one id: look it up directly instead of scanning every task.
      const candidates =
        typeof w?.id === "string" ? [store.tasks.byId(w.id)].filter((t): t is TaskRecord => t?.userId === user.id) : store.tasks.forUser(user.id);
      const matching = sortBy(
        candidates.filter((t) => t.kind !== "export-v1" && matchesWhere(w, (name) => taskField(t, name))),
        orderBy,
        taskField,
      );
      const start = intArg(skip, 0, Number.MAX_SAFE_INTEGER);
      return matching.slice(start, start + intArg(first, 100, 1000));
    },
  },
  IamIntegration: {
    settings: (integration) => {
      const settings = JSON.parse(integration.settings) as Record<string, unknown>;
      return { ...settings, __typename: integration.provider === "GCP" ? "GcpIamIntegrationSettings" : "AwsIamIntegrationSettings" };
    },
  },
  IamIntegrationSettings: {
    __resolveType: (settings) => ((settings as { __typename?: string }).__typename === "GcpIamIntegrationSettings" ? "GcpIamIntegrationSettings" : "AwsIamIntegrationSettings"),
  },
};
