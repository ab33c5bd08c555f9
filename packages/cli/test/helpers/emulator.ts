// An emulator for one test file, in the test's process, with an API key no other file uses, and
// the environment that points the CLI at it.
import crypto from "node:crypto";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@lbx/emulator";
import { createClient, createDataset, type LbxClient } from "@lbx/core";
import { sandbox } from "./run.js";

export interface TestServer {
  readonly emulator: RunningEmulator;
  readonly apiKey: string;
  /** Environment for `lbx`: key, endpoint, private HOME and config. */
  readonly env: Record<string, string>;
  readonly home: string;
}

export async function startTestServer(options: EmulatorOptions = {}): Promise<TestServer> {
  // Long and unique, so a leak anywhere in any output is unmistakable.
  const apiKey = `lbx-test-secret-${crypto.randomBytes(12).toString("hex")}`;
  const emulator = await startEmulator({ apiKey, ...options });
  const box = sandbox();
  return { emulator, apiKey, home: box.home, env: { ...box.env, LABELBOX_API_KEY: apiKey, LBX_ENDPOINT: emulator.url } };
}

/** A test server, a core client on it and one empty dataset: the setup most command tests share. */
export async function serverWithDataset(name: string): Promise<{ server: TestServer; client: LbxClient; datasetId: string }> {
  const server = await startTestServer();
  const client = createClient({ apiKey: server.apiKey, endpoint: server.emulator.url });
  const datasetId = (await createDataset(client, { name, iamIntegration: null })).id;
  return { server, client, datasetId };
}
