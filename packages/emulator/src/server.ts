// The HTTP layer (node:http, for full control over responses and connections, which fault
// injection needs). Routes:
//   POST  <any path ending in /graphql>   GraphQL, JSON or multipart (authenticated)
//   GET   /files/<blob>?Expires&Signature  signed file URLs (unauthenticated, byte for byte)
//   GET   /_emulator/health                liveness (unauthenticated)
//   GET|POST|DELETE /_emulator/faults       fault configuration (authenticated)
//   POST  /_emulator/iam-integrations       add an IAM integration to the caller's org (authenticated)
//   POST  /_emulator/organization           set the caller's org flags, e.g. {"adv": true} (authenticated)
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Auth, Principal } from "./auth.js";
import type { EmulatorContext, Services } from "./context.js";
import { EmulatorError, envelope } from "./errors.js";
import { checkFaultConfig } from "./faults.js";
import type { GraphQLEngine, GraphQLRequestBody } from "./graphql/execute.js";
import type { UploadedFile } from "./graphql/scalars.js";
import { Cors } from "./http/cors.js";
import { respondWithFault } from "./http/fault-response.js";
import { readBody, sendJson, sleep } from "./http/respond.js";
import { parseMultipart } from "./multipart.js";

/** The operation name a request carries, for fault matching and logs. */
export function operationNameOf(body: GraphQLRequestBody): string | null {
  if (typeof body.operationName === "string" && body.operationName) return body.operationName;
  if (typeof body.query !== "string") return null;
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body.query)?.[1] ?? null;
}

export class RequestHandler {
  private readonly cors: Cors;

  constructor(
    private readonly services: Services,
    private readonly engine: GraphQLEngine,
    private readonly auth: Auth,
    corsOrigins: string[] | null,
    private readonly fallbackBaseUrl: () => string,
  ) {
    this.cors = new Cors(corsOrigins);
  }

  /** Handles one request; never throws. */
  handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    let operation: string | null = null;
    this.route(req, res, (name) => (operation = name))
      .catch((error: unknown) => {
        if (error instanceof EmulatorError) return sendJson(res, error.httpStatus === 200 ? 400 : error.httpStatus, envelope(error.toWire()));
        this.services.log(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, envelope(new EmulatorError("INTERNAL_SERVER_ERROR", "Internal server error").toWire()));
        else res.destroy();
      })
      .finally(() => {
        const path = (req.url ?? "").split("?", 1)[0];
        this.services.log(`${req.method} ${path}${operation ? ` ${operation}` : ""} -> ${res.headersSent ? res.statusCode : "dropped"} ${Date.now() - started}ms`);
      });
  };

  private async route(req: IncomingMessage, res: ServerResponse, named: (op: string | null) => void): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    this.cors.apply(req, res);
    if (req.method === "OPTIONS") return this.cors.preflight(req, res);
    const path = url.pathname;
    if (path.endsWith("/graphql")) {
      if (req.method !== "POST") return sendJson(res, 405, envelope(new EmulatorError("METHOD_NOT_ALLOWED", "Send GraphQL requests with POST").toWire()), { Allow: "POST" });
      return this.graphql(req, res, named);
    }
    if (path.startsWith("/files/") && (req.method === "GET" || req.method === "HEAD")) {
      named("download");
      return this.file(req, res, path.slice("/files/".length).split("/", 1)[0] ?? "", url.searchParams);
    }
    if (path === "/_emulator/health" && req.method === "GET") return sendJson(res, 200, { ok: true });
    if (path.startsWith("/_emulator/")) return this.control(req, res, path);
    sendJson(res, 404, envelope(new EmulatorError("NOT_FOUND", `Nothing is served at ${path}; GraphQL is at /graphql`).toWire()));
  }

  private baseUrl(req: IncomingMessage): string {
    const host = req.headers.host;
    return host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? `http://${host}` : this.fallbackBaseUrl();
  }

  private async graphql(req: IncomingMessage, res: ServerResponse, named: (op: string | null) => void): Promise<void> {
    const { files, limits, faults } = this.services;
    let body: GraphQLRequestBody;
    let uploads: UploadedFile[] = [];
    if ((req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data")) {
      ({ body, uploads } = await parseMultipart(req, files, limits.maxUploadBytes, limits.maxRequestBytes));
    } else {
      const raw = await readBody(req, limits.maxRequestBytes);
      try {
        body = JSON.parse(raw.toString("utf8")) as GraphQLRequestBody;
      } catch {
        throw new EmulatorError("GRAPHQL_PARSE_FAILED", "The request body is not valid JSON", { httpStatus: 400 });
      }
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        throw new EmulatorError("GRAPHQL_PARSE_FAILED", 'The request body must be a JSON object {"query", "variables"}', { httpStatus: 400 });
      }
    }
    const discardUnused = (): void => {
      for (const u of uploads) if (!files.get(u.blobId)) files.discard(u.absPath);
    };
    try {
      const operation = operationNameOf(body);
      named(operation);
      const fault = faults.forRequest(operation);
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.response) return respondWithFault(req, res, fault.response);
      const principal = this.authenticate(req, res);
      if (!principal) return;
      const context: EmulatorContext = { services: this.services, user: principal.user, org: principal.org, baseUrl: this.baseUrl(req), operationName: operation };
      const result = await this.engine.run(body, context);
      sendJson(res, result.status, result.body);
    } finally {
      discardUnused();
    }
  }

  /** The caller, or null after answering with the cloud's authentication error. */
  private authenticate(req: IncomingMessage, res: ServerResponse): Principal | null {
    const principal = this.auth.authenticate(req.headers.authorization);
    if (!principal) sendJson(res, 401, envelope(new EmulatorError("AUTHENTICATION_ERROR", "Invalid API key").toWire()));
    return principal;
  }

  private async file(req: IncomingMessage, res: ServerResponse, blobId: string, query: URLSearchParams): Promise<void> {
    const fault = this.services.faults.forRequest("download");
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.response) return respondWithFault(req, res, fault.response.kind === "graphql-error" ? { kind: "http", status: 500, body: "text" } : fault.response);
    const access = this.services.files.authorize(blobId, query);
    if ("error" in access) {
      const status = access.error === "not-found" ? 404 : 403;
      const message = access.error === "expired" ? "This signed URL has expired" : access.error === "not-found" ? "No such file" : "Invalid signature";
      return sendJson(res, status, { error: message });
    }
    const { blob, range } = access;
    const length = range.end - range.start + 1;
    res.writeHead(200, { "Content-Type": blob.mimeType ?? "application/octet-stream", "Content-Length": Math.max(0, length) });
    if (req.method === "HEAD" || length <= 0) return void res.end();
    await new Promise<void>((resolve, reject) => {
      // 1 MiB reads instead of the default 64 KiB: export chunks are MiBs, and each read is a
      // thread-pool round trip and a socket write (measured: ~5 emulator CPU seconds per GB served
      // at 64 KiB).
      const stream = fs.createReadStream(this.services.files.absPath(blob), { start: range.start, end: range.end, highWaterMark: 1 << 20 });
      stream.on("error", reject);
      res.on("close", resolve);
      stream.pipe(res);
    });
  }

  private async control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const principal = this.authenticate(req, res);
    if (!principal) return;
    const body = req.method === "POST" ? await this.jsonBody(req) : undefined;
    const { faults, store, clock } = this.services;
    try {
      if (path === "/_emulator/faults") {
        if (req.method === "GET") return sendJson(res, 200, faults.get());
        if (req.method === "DELETE") {
          faults.set({ rules: [] });
          return sendJson(res, 200, faults.get());
        }
        if (req.method === "POST") {
          const config = checkFaultConfig(body);
          if ((body as { append?: unknown }).append === true) faults.add(config.rules);
          else faults.set(config);
          return sendJson(res, 200, faults.get());
        }
      }
      if (path === "/_emulator/iam-integrations" && req.method === "POST") {
        const b = (body ?? {}) as { name?: unknown; provider?: unknown; isOrgDefault?: unknown; valid?: unknown; settings?: unknown };
        if (typeof b.name !== "string" || (b.provider !== "AWS" && b.provider !== "GCP")) throw new TypeError('An IAM integration needs a "name" and a "provider" of "AWS" or "GCP"');
        const integration = store.orgs.addIamIntegration(
          principal.org.seq,
          {
            name: b.name,
            provider: b.provider,
            isOrgDefault: b.isOrgDefault === true,
            valid: b.valid !== false,
            settings: (b.settings && typeof b.settings === "object" ? b.settings : {}) as Record<string, string | null>,
          },
          new Date(clock()).toISOString(),
        );
        return sendJson(res, 200, integration);
      }
      if (path === "/_emulator/organization" && req.method === "POST") {
        const adv = (body as { adv?: unknown } | undefined)?.adv;
        if (typeof adv !== "boolean") throw new TypeError('Send {"adv": true|false}');
        const org = store.orgs.ensureOrg(principal.org.name, adv, new Date(clock()).toISOString());
        return sendJson(res, 200, org);
      }
    } catch (error) {
      if (error instanceof TypeError) return sendJson(res, 400, { error: error.message });
      throw error;
    }
    sendJson(res, 404, { error: `No control endpoint ${req.method} ${path}` });
  }

  private async jsonBody(req: IncomingMessage): Promise<unknown> {
    const raw = await readBody(req, 1024 * 1024);
    try {
      return raw.length ? (JSON.parse(raw.toString("utf8")) as unknown) : {};
    } catch {
      throw new EmulatorError("MALFORMED_REQUEST", "The request body is not valid JSON", { httpStatus: 400 });
    }
  }
}
