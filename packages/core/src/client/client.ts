import { auth, compose, type Transport } from "@lbx/transport";
import { AuthenticationError, ValidationError } from "../errors/classes.js";
import type { MetadataOntology } from "../metadata/ontology.js";
import { type Clock, systemClock } from "../util/clock.js";
import { defaultTransport } from "./default-transport.js";

/** The cloud endpoint; pass an emulator's `http://127.0.0.1:PORT/graphql` to work offline. */
export const DEFAULT_ENDPOINT = "https://api.labelbox.com/graphql";

/** How often server tasks and global-key jobs are polled. The first poll is always immediate. */
export interface PollingOptions {
  /** Delay before the second poll, doubled each time up to `maxDelayMs`. Default 500. */
  readonly minDelayMs?: number;
  /** Longest delay between polls. Default 2000 (the Python SDK's fixed interval). */
  readonly maxDelayMs?: number;
}

export interface ClientOptions {
  /** Defaults to `LABELBOX_API_KEY` where a `process` global exists (Node, Bun, Deno). */
  readonly apiKey?: string;
  /** Defaults to {@link DEFAULT_ENDPOINT}. */
  readonly endpoint?: string;
  /**
   * Sends every request. Default: `fetch` with user agent, retry (Retry-After aware, safe requests
   * only) and per-attempt timeouts from `@lbx/transport`. The client wraps any transport in the
   * `auth` middleware itself: pass one without auth, and the key never enters your code.
   */
  readonly transport?: Transport;
  /** Extra headers on every request (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly polling?: PollingOptions;
  /** Time source for polling and for the default transport's waits; tests inject a fake one. */
  readonly clock?: Clock;
}

/** Per-client memo of data every call may need; never shared between clients. */
export interface ClientCache {
  ontology?: Promise<MetadataOntology> | undefined;
  userId?: Promise<string> | undefined;
}

/**
 * A configured connection to Labelbox: what every operation function takes as its first argument.
 * It holds no API key property (the key lives in a closure), so logging a client never leaks it.
 */
export interface LbxClient {
  readonly endpoint: string;
  /** The transport with authentication and the client's headers applied. */
  readonly send: Transport;
  /** Replaces the API key in text with `[REDACTED]`. */
  readonly redact: (text: string) => string;
  readonly cache: ClientCache;
  readonly polling: Required<PollingOptions>;
  readonly clock: Clock;
}

/**
 * Creates a client. Makes no network call.
 *
 * @example
 * const client = createClient({ apiKey: "...", endpoint: "http://127.0.0.1:4000/graphql" });
 * const row = await getDataRow(client, "ck...");
 */
export function createClient(options: ClientOptions = {}): LbxClient {
  const apiKey = options.apiKey ?? envApiKey();
  if (!apiKey) throw new AuthenticationError("Labelbox API key not provided: pass apiKey or set LABELBOX_API_KEY");
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new ValidationError(`endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`, [
      { path: "endpoint", message: "must be an http(s) URL" },
    ]);
  }
  const clock = options.clock ?? systemClock;
  const transport = options.transport ? compose(auth({ apiKey }))(options.transport) : defaultTransport(apiKey, clock);
  const extra = options.headers ?? {};
  const send: Transport = (request) => transport({ ...request, headers: { ...extra, ...request.headers } });
  return {
    endpoint,
    send,
    redact: (text) => text.split(apiKey).join("[REDACTED]"),
    cache: {},
    polling: { minDelayMs: options.polling?.minDelayMs ?? 500, maxDelayMs: options.polling?.maxDelayMs ?? 2000 },
    clock,
  };
}

// Read through globalThis so browser bundles neither reference an undeclared `process` nor need a polyfill.
function envApiKey(): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env?.["LABELBOX_API_KEY"] || undefined;
}
