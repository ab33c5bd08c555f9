import { ValidationError } from "@lbx/core";

/** Most ids one export filter may carry (Labelbox's documented limit, spec §8.2). */
export const MAX_IDS_PER_EXPORT = 2000;

export type SearchClause = { readonly ids: readonly string[]; readonly operator: "is"; readonly type: "dataset" | "data_row_id" | "global_key" };

/**
 * The `searchQuery.query` of each export to run: one for the whole dataset, or, with an id or
 * global-key filter, one per 2,000 ids (duplicates dropped, first occurrence kept; keys compared
 * case-insensitively as the server does). Filter clauses come before the dataset clause, as the
 * Python SDK writes them.
 */
export function exportQueries(datasetId: string, filter: { readonly dataRowIds?: readonly string[] | undefined; readonly globalKeys?: readonly string[] | undefined }): SearchClause[][] {
  const dataset: SearchClause = { ids: [datasetId], operator: "is", type: "dataset" };
  const { dataRowIds, globalKeys } = filter;
  if (dataRowIds && globalKeys) {
    throw new ValidationError("dataRowIds and globalKeys cannot be combined in one export", [{ path: "globalKeys", message: "not allowed together with dataRowIds" }]);
  }
  const list = dataRowIds ?? globalKeys;
  if (!list) return [[dataset]];
  const name = dataRowIds ? "dataRowIds" : "globalKeys";
  const issues = list.flatMap((id, i) => (typeof id === "string" && id.trim() !== "" ? [] : [{ path: `${name}[${i}]`, message: "must be a non-empty string" }]));
  if (issues.length) throw new ValidationError(`Invalid ${name} for the export: ${issues.map((i) => i.path).join(", ")}`, issues);
  const seen = new Set<string>();
  const unique = list.filter((id) => {
    const key = globalKeys ? id.toLowerCase() : id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const type = dataRowIds ? "data_row_id" : "global_key";
  const queries: SearchClause[][] = [];
  for (let i = 0; i < unique.length; i += MAX_IDS_PER_EXPORT) {
    queries.push([{ ids: unique.slice(i, i + MAX_IDS_PER_EXPORT), operator: "is", type }, dataset]);
  }
  return queries;
}

/** The `exportDataRowsInCatalog` input, with every parameter the Python SDK 6.0 sends. */
export function exportInput(query: SearchClause[], params: { includeMetadata: boolean; includeAttachments: boolean; includeDataRowDetails: boolean }) {
  return {
    taskName: "v2 export",
    filters: { searchQuery: { scope: null, query } },
    isStreamableReady: true,
    params: {
      mediaTypeOverride: null,
      includeAttachments: params.includeAttachments,
      includeEmbeddings: false,
      includeMetadata: params.includeMetadata,
      includeDataRowDetails: params.includeDataRowDetails,
      includeProjectDetails: false,
      includePerformanceDetails: false,
      includeLabelDetails: false,
      includeInterpolatedFrames: false,
      includePredictions: false,
      projectIds: null,
      modelRunIds: null,
      allProjects: false,
      allModelRuns: false,
    },
    streamable: true,
  };
}
