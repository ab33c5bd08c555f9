// Multi-step flows tests share: create a dataset, run the modern upsert, wait for a task.
import { data, upload, waitFor } from "./client.js";

export async function createDataset(url: string, key: string, name = "test dataset"): Promise<string> {
  const d = await data<{ createDataset: { id: string } }>(url, key, "mutation($name: String!){createDataset(data: {name: $name}) {id}}", { name });
  return d.createDataset.id;
}

export async function userId(url: string, key: string): Promise<string> {
  return (await data<{ user: { id: string } }>(url, key, "query{user{id}}")).user.id;
}

export interface TaskView {
  id: string;
  status: string;
  completionPercentage: number;
  result: string | null;
  errors: string | null;
  type: string | null;
  name: string;
}

const TASK_QUERY = `query($u: ID!, $t: ID!){user(where: {id: $u}){createdTasks(where: {id: $t} skip: 0 first: 1){id status completionPercentage result errors type name}}}`;

/** The task as its creator sees it (undefined if invisible). */
export async function task(url: string, key: string, taskId: string): Promise<TaskView | undefined> {
  const uid = await userId(url, key);
  const d = await data<{ user: { createdTasks: TaskView[] } }>(url, key, TASK_QUERY, { u: uid, t: taskId });
  return d.user.createdTasks[0];
}

/** Waits until the task is COMPLETE or FAILED. */
export async function waitForTask(url: string, key: string, taskId: string, timeoutMs = 30_000): Promise<TaskView> {
  return waitFor(async () => {
    const t = await task(url, key, taskId);
    return t && t.status !== "IN_PROGRESS" ? t : undefined;
  }, timeoutMs);
}

/** Uploads specs as one chunk plus a manifest and starts `upsertDataRows`; returns the task id. */
export async function startUpsert(url: string, key: string, specs: unknown[]): Promise<string> {
  const chunk = await upload(url, key, JSON.stringify(specs), "application/json");
  const manifest = await upload(url, key, JSON.stringify({ source: "SDK", item_count: specs.length, chunk_uris: [chunk] }), "manifest.json");
  const d = await data<{ upsertDataRows: { id: string } }>(url, key, "mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id status}}", { m: manifest });
  return d.upsertDataRows.id;
}

export interface ImportResults {
  successes: Array<{ id: string; externalId: string | null; globalKey: string | null; rowData: string | null }>;
  failures: Array<{ message: string; spec: { externalId: string | null; globalKey: string | null; rowData: string | null } }>;
}

/** All success and failure pages of an upsert task. */
export async function importResults(url: string, key: string, taskId: string, pageSize = 5000): Promise<ImportResults> {
  const out: ImportResults = { successes: [], failures: [] };
  for (let from: string | null = null; ; ) {
    const d: any = await data(url, key, `query($t: ID!, $f: Int, $from: String){successesfulDataRowImports(data: {taskId: $t, first: $f, from: $from}){nodes{id externalId globalKey rowData} after total}}`, { t: taskId, f: pageSize, from });
    out.successes.push(...d.successesfulDataRowImports.nodes);
    from = d.successesfulDataRowImports.after;
    if (!from) break;
  }
  for (let from: string | null = null; ; ) {
    const d: any = await data(url, key, `query($t: ID!, $f: Int, $from: String){failedDataRowImports(data: {taskId: $t, first: $f, from: $from}){results{message spec{externalId globalKey rowData}} after total}}`, { t: taskId, f: pageSize, from });
    out.failures.push(...d.failedDataRowImports.results);
    from = d.failedDataRowImports.after;
    if (!from) break;
  }
  return out;
}

/** Upserts and waits; returns the finished task and its results. */
export async function upsertAndWait(url: string, key: string, specs: unknown[]): Promise<{ task: TaskView } & ImportResults> {
  const id = await startUpsert(url, key, specs);
  const t = await waitForTask(url, key, id);
  return { task: t, ...(await importResults(url, key, id)) };
}

/** Runs a classic descriptor import (appendRowsToDataset) and returns the task and its result file. */
/** Uploads `descriptor` (JSON text) and starts a classic import of it into `datasetId`; returns the task id. */
export async function startClassicImport(url: string, key: string, datasetId: string, descriptor: string): Promise<string> {
  const file = await upload(url, key, descriptor, "json_import.json");
  const d = await data<{ appendRowsToDataset: { taskId: string } }>(
    url,
    key,
    "mutation($d: ID!, $u: String!){appendRowsToDataset(data:{datasetId: $d, jsonFileUrl: $u}){taskId}}",
    { d: datasetId, u: file },
  );
  return d.appendRowsToDataset.taskId;
}

export async function classicImport(
  url: string,
  key: string,
  datasetId: string,
  items: unknown[],
): Promise<{ task: TaskView; result: { createdDataRows: Array<Record<string, unknown>>; errors: Array<{ message: string; failedDataRows: unknown[] }>; error?: unknown } }> {
  const descriptor = await upload(url, key, JSON.stringify(items), "json_import.json");
  const d = await data<{ appendRowsToDataset: { taskId: string; accepted: boolean; errorMessage: string | null } }>(
    url,
    key,
    "mutation($d: ID!, $u: String!){appendRowsToDataset(data:{datasetId: $d, jsonFileUrl: $u}){taskId accepted errorMessage}}",
    { d: datasetId, u: descriptor },
  );
  if (!d.appendRowsToDataset.accepted) throw new Error(`not accepted: ${d.appendRowsToDataset.errorMessage}`);
  const t = await waitForTask(url, key, d.appendRowsToDataset.taskId);
  if (!t.result) throw new Error("JSON Import task has no result URL");
  const res = await fetch(t.result);
  return { task: t, result: (await res.json()) as never };
}

/** Runs a global-key job to completion: `start` returns the job id, `result` the result query. */
export async function runJob<T>(url: string, key: string, start: string, startVars: Record<string, unknown>, field: string, resultQuery: string): Promise<{ jobStatus: string; data: T }> {
  const started = await data<Record<string, { jobId: string }>>(url, key, start, startVars);
  const jobId = Object.values(started)[0]!.jobId;
  return waitFor(async () => {
    const r = await data<Record<string, { jobStatus: string; data: T }>>(url, key, resultQuery, { jobId });
    const job = r[field]!;
    return job.jobStatus === "COMPLETE" || job.jobStatus === "FAILED" ? job : undefined;
  });
}

export const LOOKUP = {
  start: "query($k: [ID!]!){dataRowsForGlobalKeys(where: {ids: $k}){jobId}}",
  result: "query($jobId: ID!){dataRowsForGlobalKeysResult(jobId: {id: $jobId}){jobStatus data{fetchedDataRows{id} notFoundGlobalKeys accessDeniedGlobalKeys deletedDataRowGlobalKeys}}}",
  field: "dataRowsForGlobalKeysResult",
};
export const ASSIGN = {
  start: "mutation($a: [AssignGlobalKeyToDataRowInput!]!){assignGlobalKeysToDataRows(data: {assignInputs: $a}){jobId}}",
  result:
    "query($jobId: ID!){assignGlobalKeysToDataRowsResult(jobId: {id: $jobId}){jobStatus data{sanitizedAssignments{dataRowId globalKey} invalidGlobalKeyAssignments{dataRowId globalKey} unmodifiedAssignments{dataRowId globalKey} accessDeniedAssignments{dataRowId globalKey}}}}",
  field: "assignGlobalKeysToDataRowsResult",
};
export const CLEAR = {
  start: "mutation($k: [ID!]!){clearGlobalKeys(where: {ids: $k}){jobId}}",
  result: "query($jobId: ID!){clearGlobalKeysResult(jobId: {id: $jobId}){jobStatus data{clearedGlobalKeys failedToClearGlobalKeys notFoundGlobalKeys accessDeniedGlobalKeys}}}",
  field: "clearGlobalKeysResult",
};

/** Creates one row with the classic createDataRow and returns its id. */
export async function createRow(url: string, key: string, datasetId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const d = await data<{ createDataRow: { id: string } }>(
    url,
    key,
    `mutation($d: ID!, $rowData: String!, $gk: String, $ext: String){createDataRow(data: {rowData: $rowData, globalKey: $gk, externalId: $ext, dataset: {connect: {id: $d}}}){id}}`,
    { d: datasetId, rowData: "https://example.com/x.jpg", ...fields },
  );
  return d.createDataRow.id;
}
