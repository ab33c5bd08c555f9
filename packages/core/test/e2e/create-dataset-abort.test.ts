import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_ORGANIZATION, type RunningEmulator } from "@lbx/emulator";
import { AbortError, createDataset, getDatasets, type LbxClient } from "../../src/index.js";
import { emulatorWithClient } from "./setup.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient({
    organizations: [{ name: DEFAULT_ORGANIZATION, iamIntegrations: [{ name: "aws-default", provider: "AWS", isOrgDefault: true, valid: true }] }],
  }));
});
afterAll(() => emulator?.close());

it("a caller's abort while the IAM integration is attached still deletes the new dataset", async () => {
  // The signer call takes 1.5 s; the caller gives up after 300 ms, when the dataset exists.
  emulator.faults.set({ rules: [{ kind: "latency", ms: 1500, operation: "setSignerForDatasetPyApi", times: 1 }] });
  const error = await createDataset(client, { name: "aborted-iam" }, { signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
  emulator.faults.clear();
  expect(error).toBeInstanceOf(AbortError);
  expect(await getDatasets(client, { name: "aborted-iam" }).toArray()).toEqual([]);
});
