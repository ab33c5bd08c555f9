import type { TypedDocumentString } from "@lbx/core";

/** Result of {@link CreatedUpsertTasksDocument}. */
export interface CreatedUpsertTasksQuery {
  user: { createdTasks: Array<{ id: string; createdAt: string | null; status: string; type: string | null }> } | null;
}

export interface CreatedUpsertTasksVariables {
  userId: string;
  since: string;
  skip: number;
  first: number;
}

/**
 * The import tasks the current user created since a time, oldest first. Used to find out whether
 * an `upsertDataRows` whose response never arrived created its task after all. Not a document
 * the Python SDK sends (it never needs one); it is checked against the wire schema in a test.
 */
export const CreatedUpsertTasksDocument =
  "query CreatedUpsertTasksLbx($userId: ID!, $since: DateTime!, $skip: Int!, $first: Int!) { user(where: {id: $userId}) { createdTasks(where: {createdAt_gte: $since, type: \"adv-upsert-data-rows\"}, skip: $skip, first: $first, orderBy: createdAt_ASC) { id createdAt status type } } }" as TypedDocumentString<
    CreatedUpsertTasksQuery,
    CreatedUpsertTasksVariables
  >;
