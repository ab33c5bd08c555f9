import { createClientWithTransport } from "./client-with-transport.js";
import { defaultTransport } from "./default-transport.js";
import type { ClientOptions, LbxClient } from "./options.js";

// The client's types live in options.ts (shared with createClientWithTransport without a cycle).
export { DEFAULT_ENDPOINT } from "./options.js";
export type { ClientCache, ClientOptions, LbxClient, PollingOptions } from "./options.js";

/**
 * Creates a client. Makes no network call. Without a `transport` it uses the default stack
 * (see {@link ClientOptions.transport}); browser apps that pass their own transport and care
 * about every byte use {@link createClientWithTransport}, which never bundles that stack.
 *
 * @example
 * const client = createClient({ apiKey: "...", endpoint: "http://127.0.0.1:4000/graphql" });
 * const row = await getDataRow(client, "ck...");
 */
export function createClient(options: ClientOptions = {}): LbxClient {
  return createClientWithTransport({ ...options, transport: options.transport ?? defaultTransport(options.clock) });
}
