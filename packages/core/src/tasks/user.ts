import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { GetOrganizationPyApiDocument, GetUserPyApiDocument } from "../generated/documents.js";
import type { GetOrganizationPyApiQuery, GetUserPyApiQuery } from "../generated/operation-types.js";
import { memo, untilAborted } from "../util/shared.js";

/** The user the API key belongs to. */
export type UserRecord = NonNullable<GetUserPyApiQuery["user"]>;
/** The organization the API key belongs to. */
export type OrganizationRecord = NonNullable<GetOrganizationPyApiQuery["organization"]>;

/** Python `client.get_user()`. */
export async function getUser(client: LbxClient, options: CallOptions = {}): Promise<UserRecord> {
  const { user } = await execute(client, GetUserPyApiDocument, {}, options);
  if (!user) throw new NotFoundError("No user for this API key", { operationName: "GetUserPyApi" });
  return user;
}

/** Python `client.get_organization()`. */
export async function getOrganization(client: LbxClient, options: CallOptions = {}): Promise<OrganizationRecord> {
  const { organization } = await execute(client, GetOrganizationPyApiDocument, {}, options);
  if (!organization) throw new NotFoundError("No organization for this API key", { operationName: "GetOrganizationPyApi" });
  return organization;
}

/**
 * The current user's id, fetched once per client: tasks are only readable through
 * `user(where: {id}) { createdTasks }` (spec §7.1), so every task poll needs it.
 */
export function currentUserId(client: LbxClient, options: CallOptions = {}): Promise<string> {
  const { cache } = client;
  const shared = memo(
    () => cache.userId,
    (p) => (cache.userId = p),
    async () => (await getUser(client, { headers: options.headers })).id,
  );
  return untilAborted(shared, options.signal);
}
