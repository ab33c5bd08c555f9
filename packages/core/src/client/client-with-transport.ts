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
  // LABELBOX_API_KEY is read through globalThis, so browser bundles neither reference an undeclared
  // `process` nor need a polyfill. An empty one counts as no key (the catch below says so).
  const apiKey = options.apiKey ?? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.["LABELBOX_API_KEY"];
  let transport: Transport;
  try {
    transport = auth({ apiKey: apiKey as string })(options.transport);
  } catch (error) {
    // auth() refuses a missing key, a non-string and one fetch cannot send (a trailing newline
    // from a file) with a TypeError that never shows the key; all three are the same typed error.
    throw new AuthenticationError(apiKey ? (error as Error).message : "No API key: pass apiKey or set LABELBOX_API_KEY");
  }
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throwIfIssues("createClient", [{ path: "endpoint", message: `must be an http(s) URL, got ${describe(endpoint)}` }]);
  const extra = options.headers;
  const polling = options.polling;
  return {
    endpoint,
    send: extra ? (request) => transport({ ...request, headers: { ...extra, ...request.headers } }) : transport,
    // A string here: auth() accepted it above.
    redact: (text) => redactText(text, [apiKey as string]),
    cache: {},
    polling: { minDelayMs: polling?.minDelayMs ?? 500, maxDelayMs: polling?.maxDelayMs ?? 2000 },
    clock: options.clock ?? systemClock,
  };
}
