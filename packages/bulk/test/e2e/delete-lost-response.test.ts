// bulkDeleteDataRows when the server's answer to a delete is lost: the rows it deleted must not
// come back as "not_found" from the retry, which finds them gone. Real emulator; the only stand-in
// is our own transport seam, which lets the request reach the server and then loses the response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { createClient, iterateDataRows, type LbxClient } from "@lbx/core";
import { compose, retry, type Transport } from "@lbx/transport";
import { bulkDeleteDataRows, type DeleteOutcome, importDataRows } from "../../src/index.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";
import { losingAnswers } from "../helpers/lost-answers.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
});
afterAll(() => emulator?.close());

async function seed(dataset: string, n: number): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({ rowData: `https://example.com/${dataset}/${i}.jpg` }));
  const { outcomes } = await importDataRows(client, dataset, rows);
  return outcomes.map((o) => (o as { dataRowId: string }).dataRowId);
}

/** A client whose first `deleteDataRowsPyApi` reaches the server, which deletes, and whose answer is then lost. */
function losingClient(wrap: (t: Transport) => Transport = (t) => t): { client: LbxClient; lost: () => number } {
  const { transport, lost } = losingAnswers("deleteDataRowsPyApi", 1);
  return { client: createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, transport: wrap(transport) }), lost };
}

const statuses = (outcomes: readonly DeleteOutcome[]) => outcomes.map((o) => (o.status === "deleted" && o.unconfirmed ? "deleted?" : o.status));

// Ids of the emulator's shape that no row has.
const NEVER = ["cnotarealrowidxxxxxxxxxxx1", "cnotarealrowidxxxxxxxxxxx2"];

describe.each([
  ["bulk's own retry", undefined],
  // The default client stack: a transport that retries safe requests by itself.
  ["a transport that retries", (t: Transport) => compose(retry({ baseDelayMs: 1, maxDelayMs: 5 }))(t)],
])("bulkDeleteDataRows with a lost response (%s)", (_, wrap) => {
  it("reports the rows the lost call deleted as deleted; ids in calls answered the first time stay exact", async () => {
    const dataset = await newDataset(client, "del-lost");
    const ids = await seed(dataset, 28);
    const lossy = losingClient(wrap);
    // Calls of 10: [10 rows] (answer lost) [10 rows] [8 rows + 2 ids that never existed].
    const input = [...ids, ...NEVER];
    const { summary, outcomes } = await bulkDeleteDataRows(lossy.client, input, { batchSize: 10 });
    expect(lossy.lost()).toBe(1);
    expect(await iterateDataRows(client, dataset).toArray()).toEqual([]);
    // The first call's rows were deleted by the attempt whose answer was lost; the retry found
    // none of them. They are gone, as asked, but the retry cannot confirm it deleted them.
    expect(statuses(outcomes)).toEqual([...Array(10).fill("deleted?"), ...Array(18).fill("deleted"), "not_found", "not_found"]);
    expect(summary).toEqual({ total: 30, deleted: 28, notFound: 2, failed: 0 });
  });

  it("an id that never existed, in the call whose answer was lost, is reported gone but unconfirmed (not checked beforehand)", async () => {
    const dataset = await newDataset(client, "del-lost2");
    const ids = await seed(dataset, 3);
    const lossy = losingClient(wrap);
    const { outcomes } = await bulkDeleteDataRows(lossy.client, [...ids, NEVER[0]!]);
    expect(lossy.lost()).toBe(1);
    expect(statuses(outcomes)).toEqual(["deleted?", "deleted?", "deleted?", "deleted?"]);
    expect(await iterateDataRows(client, dataset).toArray()).toEqual([]);
  });
});

describe("bulkDeleteDataRows retried after a refusal", () => {
  it("a 429 (the server ran nothing) leaves the answer of the retry exact: unknown ids stay not_found", async () => {
    const dataset = await newDataset(client, "del-429");
    const ids = await seed(dataset, 5);
    emulator.faults.set({ rules: [{ kind: "rate-limit", retryAfter: 0.01, operation: "deleteDataRowsPyApi", times: 1 }] });
    try {
      const { summary, outcomes } = await bulkDeleteDataRows(client, [...ids, NEVER[0]!]);
      expect(statuses(outcomes)).toEqual(["deleted", "deleted", "deleted", "deleted", "deleted", "not_found"]);
      expect(summary).toEqual({ total: 6, deleted: 5, notFound: 1, failed: 0 });
      expect(emulator.faults.get().rules).toEqual([]);
    } finally {
      emulator.faults.clear();
    }
  });
});
