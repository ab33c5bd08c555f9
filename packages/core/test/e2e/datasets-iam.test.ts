import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ORGANIZATION, type RunningEmulator } from "@lbx/emulator";
import { createDataset, getDatasets, getIamIntegrations, type LbxClient, ValidationError } from "../../src/index.js";
import { emulatorWithClient } from "./setup.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient({
    organizations: [
      {
        name: DEFAULT_ORGANIZATION,
        iamIntegrations: [
          { name: "aws-default", provider: "AWS", isOrgDefault: true, valid: true },
          { name: "gcp-broken", provider: "GCP", valid: false },
        ],
      },
    ],
  }));
});
afterAll(() => emulator?.close());

describe("datasets with cloud-storage IAM integrations", () => {
  it("uses the organization default, a chosen one, or none", async () => {
    const integrations = await getIamIntegrations(client);
    expect(integrations.map((i) => [i.name, i.isOrgDefault, i.valid]).sort()).toEqual([
      ["aws-default", true, true],
      ["gcp-broken", false, false],
    ]);
    expect((await createDataset(client, { name: "iam-default" })).name).toBe("iam-default");
    const chosen = integrations.find((i) => i.name === "aws-default")?.id ?? "";
    expect((await createDataset(client, { name: "iam-chosen", iamIntegration: chosen })).name).toBe("iam-chosen");
    expect((await createDataset(client, { name: "iam-none", iamIntegration: null })).name).toBe("iam-none");
  });

  it("an invalid or unknown integration is refused before the dataset is created", async () => {
    const broken = (await getIamIntegrations(client)).find((i) => i.name === "gcp-broken")?.id ?? "";
    await expect(createDataset(client, { name: "iam-broken", iamIntegration: broken })).rejects.toBeInstanceOf(ValidationError);
    await expect(createDataset(client, { name: "iam-unknown", iamIntegration: "cnotanintegration000000000" })).rejects.toBeInstanceOf(ValidationError);
    expect(await getDatasets(client, { name: "iam-broken" }).toArray()).toEqual([]);
    expect(await getDatasets(client, { name: "iam-unknown" }).toArray()).toEqual([]);
  });
});
