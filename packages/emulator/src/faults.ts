// Faults on demand: make chosen requests (by GraphQL operation name, or all) fail the way the
// cloud and its load balancers fail, so clients can test their retries and error handling.
// Deterministic: a rule with a `rate` draws from a seeded generator, so the same seed and the
// same request order give the same faults.

/** The kinds of fault. */
export type FaultKind =
  /** An HTTP error status (e.g. 500, 502, 503). */
  | "http"
  /** HTTP 429 with `Retry-After` and the cloud's "You have exceeded ..." body. */
  | "rate-limit"
  /** The connection is closed without a response. */
  | "drop"
  /** The response is delayed. */
  | "latency"
  /** A GraphQL error envelope with a chosen `extensions.code` (and `exception.status`). */
  | "graphql-error"
  /** A response body that is not JSON. */
  | "bad-body"
  /** A background task (or global-key job) ends FAILED. */
  | "task-fail"
  /** A background task (or global-key job) never finishes. */
  | "task-hang";

/** One fault rule. */
export interface FaultRule {
  kind: FaultKind;
  /**
   * Which requests it applies to: a GraphQL operation name (e.g. `UpsertDataRowsPyApi`), `download`
   * for file GETs, or for task faults a task type / creating operation name. Omitted or `*` = all.
   */
  operation?: string;
  /** Probability per matching request, 0..1 (default 1). */
  rate?: number;
  /** The rule applies to at most this many matching requests, then expires. */
  times?: number;
  /** `http` / `bad-body`: the HTTP status; `graphql-error`: `exception.status` (null = omit it). */
  status?: number | null;
  /** `rate-limit`: the `Retry-After` value in seconds (default 1). */
  retryAfter?: number;
  /** `latency`: added delay in ms. */
  ms?: number;
  /** `graphql-error`: the `extensions.code`. */
  code?: string;
  /** Message of the error response. */
  message?: string;
  /** `http`: `json` (an error envelope, the default) or `text` (a plain reason phrase). */
  body?: "json" | "text";
}

/** Fault configuration: a seed and rules, evaluated in order. */
export interface FaultConfig {
  seed?: number;
  rules: FaultRule[];
}

/** What to do with one request. */
export interface FaultDecision {
  latencyMs: number;
  response: FaultRule | null;
}

const KINDS: readonly FaultKind[] = ["http", "rate-limit", "drop", "latency", "graphql-error", "bad-body", "task-fail", "task-hang"];
const RESPONSE_KINDS = new Set<FaultKind>(["http", "rate-limit", "drop", "graphql-error", "bad-body"]);

/** Checks a configuration from flags or the control endpoint; throws with the bad field named. */
export function checkFaultConfig(raw: unknown): FaultConfig {
  if (raw === null || typeof raw !== "object") throw new TypeError("Fault configuration must be an object with a rules list");
  const { seed, rules } = raw as { seed?: unknown; rules?: unknown };
  if (seed !== undefined && (typeof seed !== "number" || !Number.isInteger(seed))) throw new TypeError("seed must be an integer");
  if (!Array.isArray(rules)) throw new TypeError("rules must be a list");
  const checked = rules.map((rule, i) => checkRule(rule, i));
  return seed === undefined ? { rules: checked } : { seed, rules: checked };
}

function checkRule(raw: unknown, i: number): FaultRule {
  const where = `rules[${i}]`;
  if (raw === null || typeof raw !== "object") throw new TypeError(`${where} must be an object`);
  const r = raw as Record<string, unknown>;
  if (!KINDS.includes(r.kind as FaultKind)) throw new TypeError(`${where}.kind must be one of ${KINDS.join(", ")}`);
  const num = (key: string, min: number, max: number): void => {
    const v = r[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max)) throw new TypeError(`${where}.${key} must be a number from ${min} to ${max}`);
  };
  num("rate", 0, 1);
  num("times", 0, Number.MAX_SAFE_INTEGER);
  num("retryAfter", 0, 86_400);
  num("ms", 0, 600_000);
  if (r.status !== undefined && r.status !== null) num("status", 100, 599);
  for (const key of ["operation", "code", "message"]) {
    if (r[key] !== undefined && typeof r[key] !== "string") throw new TypeError(`${where}.${key} must be a string`);
  }
  if (r.body !== undefined && r.body !== "json" && r.body !== "text") throw new TypeError(`${where}.body must be "json" or "text"`);
  if (r.kind === "http" && typeof r.status !== "number") throw new TypeError(`${where}.status is required for http faults`);
  if (r.kind === "graphql-error" && typeof r.code !== "string") throw new TypeError(`${where}.code is required for graphql-error faults`);
  if (r.kind === "latency" && typeof r.ms !== "number") throw new TypeError(`${where}.ms is required for latency faults`);
  return { ...(r as unknown as FaultRule) };
}

/** The live fault state of a server. */
export class Faults {
  private rules: FaultRule[] = [];
  private seed = 1;
  private random: () => number = mulberry32(1);

  constructor(config?: FaultConfig) {
    if (config) this.set(config);
  }

  /** Replaces the configuration (and restarts the random sequence from its seed). */
  set(config: FaultConfig): void {
    this.rules = config.rules.map((r) => ({ ...r }));
    this.seed = config.seed ?? 1;
    this.random = mulberry32(this.seed);
  }

  /** Adds rules after the current ones. */
  add(rules: FaultRule[]): void {
    this.rules.push(...rules.map((r) => ({ ...r })));
  }

  /** The current configuration (with the remaining `times` of each rule). */
  get(): FaultConfig {
    return { seed: this.seed, rules: this.rules.map((r) => ({ ...r })) };
  }

  /** Decides what happens to a request for `operation` (a GraphQL operation name or `download`). */
  forRequest(operation: string | null): FaultDecision {
    let latencyMs = 0;
    let response: FaultRule | null = null;
    for (const rule of this.rules) {
      if (rule.kind === "task-fail" || rule.kind === "task-hang") continue;
      if (rule.kind !== "latency" && response) continue;
      if (!this.fires(rule, [operation])) continue;
      if (rule.kind === "latency") latencyMs += rule.ms ?? 0;
      else if (RESPONSE_KINDS.has(rule.kind)) response = rule;
    }
    this.expire();
    return { latencyMs, response };
  }

  /** Decides whether a task (known by its type and creating operation) fails or hangs. */
  forTask(names: Array<string | null>): "fail" | "hang" | null {
    let outcome: "fail" | "hang" | null = null;
    for (const rule of this.rules) {
      if (rule.kind !== "task-fail" && rule.kind !== "task-hang") continue;
      if (!this.fires(rule, names)) continue;
      outcome = rule.kind === "task-fail" ? "fail" : "hang";
      break;
    }
    this.expire();
    return outcome;
  }

  private fires(rule: FaultRule, names: Array<string | null>): boolean {
    if (rule.times !== undefined && rule.times <= 0) return false;
    const op = rule.operation;
    if (op !== undefined && op !== "*" && !names.includes(op)) return false;
    if (rule.rate !== undefined && rule.rate < 1 && this.random() >= rule.rate) return false;
    if (rule.times !== undefined) rule.times -= 1;
    return true;
  }

  private expire(): void {
    this.rules = this.rules.filter((r) => r.times === undefined || r.times > 0);
  }
}

/** A small, fast, seedable PRNG (mulberry32); deterministic across runs and platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Parses the CLI form `kind[:key=value,...]`, e.g. `http:status=503,rate=0.2,operation=GetDataRowPyApi`,
 * `rate-limit:retryAfter=2`, `drop:rate=0.05`, `latency:ms=200`, `task-fail:operation=adv-upsert-data-rows`.
 */
export function parseFaultFlag(text: string): FaultRule {
  const [kind = "", rest = ""] = text.split(/:(.*)/s, 2);
  const rule: Record<string, unknown> = { kind };
  if (rest) {
    for (const pair of rest.split(",")) {
      const [key = "", value = ""] = pair.split("=", 2);
      const k = key.trim() === "op" ? "operation" : key.trim();
      if (!k) continue;
      rule[k] = ["rate", "times", "status", "retryAfter", "ms"].includes(k) ? (value === "null" ? null : Number(value)) : value;
    }
  }
  const [checked] = checkFaultConfig({ rules: [rule] }).rules;
  return checked!;
}
