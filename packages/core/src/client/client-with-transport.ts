import { auth, redactText, type Transport } from "@lbx/transport";
import { AuthenticationError } from "../errors/classes.js";
import { systemClock } from "../util/clock.js";
import { describe, throwIfIssues } from "../validation/issues.js";
import { type ClientOptions, DEFAULT_ENDPOINT, type LbxClient } from "./options.js";

/**
 * Creates a client that sends through exactly `options.transport`, wrapped in `auth` (the key
 * never enters your transport) and nothing else: no retry, timeout or user agent unless your
 * transport has them. It is what `createClient` does after choosing its default transport, split
 * out so a bundle that never uses that default does not carry it. Makes no network call.
 *
 * @example
 * import { compose, fetchTransport, retry, timeout } from "@lbx/transport";
 * const client = createClientWithTransport({ apiKey, transport: compose(retry(), timeout({ ms: 60_000 }))(fetchTransport()) });
 */
export function createClientWithTransport(options: ClientOptions & { readonly transport: Transport }): LbxClient {
  const apiKey = options.apiKey ?? envApiKey();
  if (!apiKey) throw new AuthenticationError("No API key: pass apiKey or set LABELBOX_API_KEY");
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throwIfIssues("createClient", [{ path: "endpoint", message: `must be an http(s) URL, got ${describe(endpoint)}` }]);
  const transport = auth({ apiKey })(options.transport);
  const extra = options.headers;
  const polling = options.polling;
  return {
    endpoint,
    send: extra ? (request) => transport({ ...request, headers: { ...extra, ...request.headers } }) : transport,
    redact: (text) => redactText(text, [apiKey]),
    cache: {},
    polling: { minDelayMs: polling?.minDelayMs ?? 500, maxDelayMs: polling?.maxDelayMs ?? 2000 },
    clock: options.clock ?? systemClock,
  };
}

// Read through globalThis so browser bundles neither reference an undeclared `process` nor need a polyfill.
function envApiKey(): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env?.["LABELBOX_API_KEY"] || undefined;
}
