// Commands take a dataset "by id or name": ids are what scripts have, names what people remember.
import { type DatasetRecord, getDataset, getDatasets, type LbxClient, NotFoundError } from "@lbx/core";
import { ExitCode } from "../exit-codes.js";
import { CliError } from "../errors.js";

// Labelbox ids are 25-character cuids.
const LOOKS_LIKE_ID = /^c[a-z0-9]{24}$/;

/**
 * The dataset with this id, else the one dataset with this name. Several datasets with the name
 * is a usage error listing their ids; none is "not found" (exit 5).
 */
export async function resolveDataset(client: LbxClient, ref: string, signal: AbortSignal): Promise<DatasetRecord> {
  if (LOOKS_LIKE_ID.test(ref)) {
    try {
      return await getDataset(client, ref, { signal });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  const found = await findDatasetsByName(client, ref, signal);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new CliError(`${found.length} datasets are named ${JSON.stringify(ref)}; pass an id instead: ${found.map((d) => d.id).join(", ")}`, ExitCode.usage, "AMBIGUOUS_DATASET");
  }
  throw new CliError(`No dataset with id or name ${JSON.stringify(ref)}`, ExitCode.notFound, "NOT_FOUND");
}

/** Datasets named exactly `name` (at most 10: enough to report an ambiguity). */
export function findDatasetsByName(client: LbxClient, name: string, signal: AbortSignal): Promise<DatasetRecord[]> {
  return getDatasets(client, { name, signal }).toArray({ limit: 10 });
}
