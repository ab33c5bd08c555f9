import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@lbx/emulator";
import { createClient, type LbxClient } from "../../src/index.js";

/** A real emulator process on 127.0.0.1 with an in-memory store, and a client for it. */
export async function emulatorWithClient(options: EmulatorOptions = {}): Promise<{ emulator: RunningEmulator; client: LbxClient }> {
  const emulator = await startEmulator({ port: 0, ...options });
  // Fast polling: emulator tasks finish in milliseconds, and CI time matters.
  const client = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, polling: { minDelayMs: 10, maxDelayMs: 50 } });
  return { emulator, client };
}
