import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@lbx/emulator";
import { createClient, createDataset, type ClientOptions, type LbxClient } from "@lbx/core";

/** A real emulator on 127.0.0.1 (in-memory store) and a client for it with fast polling. */
export async function emulatorWithClient(options: EmulatorOptions = {}, client: Omit<ClientOptions, "apiKey" | "endpoint"> = {}): Promise<{ emulator: RunningEmulator; client: LbxClient }> {
  const emulator = await startEmulator({ port: 0, ...options });
  // Emulator tasks finish in milliseconds: poll fast so CI time goes to the work, not the waits.
  return { emulator, client: createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, polling: { minDelayMs: 10, maxDelayMs: 50 }, ...client }) };
}

let counter = 0;

/** A fresh dataset with a unique name. */
export async function newDataset(client: LbxClient, label = "bulk"): Promise<string> {
  counter += 1;
  return (await createDataset(client, { name: `${label}-${Date.now().toString(36)}-${counter}`, iamIntegration: null })).id;
}

/** `n` valid rows with unique global keys `${prefix}-<i>`, a URL, an external id, metadata and an attachment. */
export function sampleRows(n: number, prefix: string, from = 0) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      rowData: `https://storage.example.com/${prefix}/${i}.jpg`,
      globalKey: `${prefix}-${i}`,
      externalId: `ext-${i}`,
      metadataFields: [
        { name: "tag", value: i % 2 ? "odd" : "even" },
        { name: "split", value: ["train", "valid", "test"][i % 3]! },
        { name: "captureDateTime", value: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 86_400)).toISOString() },
      ],
      attachments: [{ type: "RAW_TEXT", value: `note ${i}`, name: "note" }],
    };
  });
}
