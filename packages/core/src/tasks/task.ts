import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { GetUserCreatedTasksPyApiDocument } from "../generated/documents.js";
import type { GetUserCreatedTasksPyApiQuery } from "../generated/operation-types.js";
import { currentUserId } from "./user.js";

/**
 * A server task (e.g. an upsert): `status` is `IN_PROGRESS`, then `COMPLETE` or `FAILED`;
 * `type` is `adv-upsert-data-rows` for data-row imports.
 */
export type TaskRecord = NonNullable<GetUserCreatedTasksPyApiQuery["user"]>["createdTasks"][number];

/**
 * Python `client.get_task_by_id(id)`. Only the user who created a task can read it, a server
 * limitation (spec §7, user-needs §1.3).
 */
export async function getTask(client: LbxClient, taskId: string, options: CallOptions = {}): Promise<TaskRecord> {
  const userId = await currentUserId(client, options);
  const data = await execute(client, GetUserCreatedTasksPyApiDocument, { userId, taskId }, options);
  const task = data.user?.createdTasks[0];
  if (!task) throw new NotFoundError(`Task ${taskId} not found (tasks are visible only to the user who created them)`, { operationName: "GetUserCreatedTasksPyApi" });
  return task;
}
