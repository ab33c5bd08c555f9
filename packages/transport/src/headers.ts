import { redactError } from "./redact.js";
import type { Middleware, TransportRequest } from "./types.js";
import { VERSION } from "./version.js";

/** Where to find the API key: the key, or a function returning it (for rotation). */
export type ApiKeySource = string | (() => string | Promise<string>);

export interface AuthOptions {
  readonly apiKey: ApiKeySource;
  /**
   * Origins (`https://api.labelbox.com`) that may receive the key. Default: every request except
   * those whose `operation.kind` is `"download"`: signed storage URLs carry their own credentials,
   * and the key must never travel to a storage host.
   */
  readonly origins?: readonly string[];
}

// Visible ASCII only: a key read from a file often ends in "\n", which fetch rejects with a
// TypeError that quotes the key. Catching it here gives a clear error that does not.
function checkApiKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0) throw new TypeError(`auth: apiKey must be a non-empty string, got ${typeof key}`);
  const bad = key.search(/[^\x21-\x7e]/);
  if (bad >= 0) {
    throw new TypeError(
      `auth: apiKey has whitespace or a control character at index ${bad} of ${key.length} (a trailing newline from a file?); the key is not shown`,
    );
  }
  return key;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Adds `authorization: Bearer <apiKey>`, and removes the key from any error that comes back
 * (message, stack and causes), whatever transport or middleware produced it.
 *
 * @example
 * ```ts
 * const transport = compose(auth({ apiKey: process.env.LABELBOX_API_KEY! }))(fetchTransport());
 * ```
 */
export function auth(options: AuthOptions): Middleware {
  const { apiKey, origins } = options;
  if (typeof apiKey !== "function") checkApiKey(apiKey);
  const sendsKey = (request: TransportRequest) =>
    origins ? origins.includes(originOf(request.url) ?? "") : request.operation?.kind !== "download";

  return (next) => async (request) => {
    if (!sendsKey(request)) return next(request);
    const key = checkApiKey(typeof apiKey === "function" ? await apiKey() : apiKey);
    try {
      return await next({ ...request, headers: { ...request.headers, authorization: `Bearer ${key}` } });
    } catch (error) {
      throw redactError(error, [`Bearer ${key}`, key]);
    }
  };
}

export interface UserAgentOptions {
  /** Your application's product token, put first: `my-app/1.2.0`. */
  readonly product?: string;
  /**
   * Also send `x-lbx-sdk: lbx/<version>`, which browsers allow (they drop `User-Agent`). Default
   * true. A custom header makes browsers send a CORS preflight; turn it off if the server's
   * `Access-Control-Allow-Headers` does not list it.
   */
  readonly sdkHeader?: boolean;
}

// Browsers (and their workers) forbid scripts to set User-Agent; Node, Deno, Bun and edge
// runtimes do not. Detected without `process`, which browsers do not have.
function inBrowser(): boolean {
  const scope = globalThis as { document?: unknown; importScripts?: unknown };
  return typeof scope.document === "object" || typeof scope.importScripts === "function";
}

/**
 * Names lbx and its version on every request: `User-Agent: [product ]lbx/<version>` outside
 * browsers (a `user-agent` the caller set wins) and `x-lbx-sdk: lbx/<version>` everywhere.
 *
 * @example
 * ```ts
 * const transport = compose(userAgent({ product: "my-importer/2.0.0" }))(fetchTransport());
 * ```
 */
export function userAgent(options: UserAgentOptions = {}): Middleware {
  const sdk = `lbx/${VERSION}`;
  const value = options.product ? `${options.product} ${sdk}` : sdk;
  const browser = inBrowser();
  return (next) => (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (!browser && headers["user-agent"] === undefined) headers["user-agent"] = value;
    if (options.sdkHeader !== false) headers["x-lbx-sdk"] = sdk;
    return next({ ...request, headers });
  };
}
