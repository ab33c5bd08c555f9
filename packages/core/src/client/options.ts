import type { Transport } from "@lbx/transport";
import type { MetadataOntology } from "../metadata/ontology.js";
import type { Clock } from "../util/clock.js";

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

