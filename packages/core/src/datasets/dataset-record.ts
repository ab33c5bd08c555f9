import type { GetDatasetPyApiQuery } from "../generated/operation-types.js";

/** A dataset as the server returns it. Timestamps are ISO strings (`2023-06-29T19:36:24.123Z`). */
export type DatasetRecord = NonNullable<GetDatasetPyApiQuery["dataset"]>;
