// Runs one GraphQL request with graphql-js: parse, validate (standard rules plus the complexity
// limit), execute, and shape the result into the cloud's envelope and HTTP status.
//   parse errors       -> 400, GRAPHQL_PARSE_FAILED
//   validation errors  -> 400, GRAPHQL_VALIDATION_FAILED (incl. "Query complexity limit exceeded")
//   variable errors    -> 400, GRAPHQL_VALIDATION_FAILED
//   resolver errors    -> 200, their own code (unexpected ones: INTERNAL_SERVER_ERROR, status 500)
import { execute, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import type { EmulatorContext } from "../context.js";
import { EmulatorError, type WireError } from "../errors.js";
import { complexityRule } from "./complexity.js";

/** A request body as clients send it. */
export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Status and JSON body of a response. */
export interface GraphQLResponse {
  status: number;
  body: { data?: unknown; errors?: WireError[] };
}

const CACHE_LIMIT = 500;

export class GraphQLEngine {
  private readonly rules;
  /** Parsed and validated documents by text: SDKs send few distinct documents, many times. */
  private readonly documents = new Map<string, DocumentNode | WireError[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    limits: { maxQueryDepth: number; maxQueryFields: number },
    private readonly log: (line: string) => void,
  ) {
    this.rules = [...specifiedRules, complexityRule(limits.maxQueryDepth, limits.maxQueryFields)];
  }

  async run(body: GraphQLRequestBody, context: EmulatorContext): Promise<GraphQLResponse> {
    if (typeof body.query !== "string" || body.query.trim() === "") {
      return requestError("GRAPHQL_PARSE_FAILED", "The request has no GraphQL document in \"query\"");
    }
    if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== "object" || Array.isArray(body.variables))) {
      return requestError("GRAPHQL_VALIDATION_FAILED", "\"variables\" must be an object");
    }
    const document = this.document(body.query);
    if (Array.isArray(document)) return { status: 400, body: { data: null, errors: document } };
    const result = await execute({
      schema: this.schema,
      document,
      contextValue: context,
      variableValues: (body.variables as Record<string, unknown> | null | undefined) ?? undefined,
      operationName: typeof body.operationName === "string" ? body.operationName : undefined,
    });
    if (result.data === undefined) {
      // Variable coercion (or operation selection) failed before execution began.
      return { status: 400, body: { data: null, errors: (result.errors ?? []).map((e) => wire(e, "GRAPHQL_VALIDATION_FAILED")) } };
    }
    if (!result.errors?.length) return { status: 200, body: { data: result.data } };
    return { status: 200, body: { data: result.data, errors: result.errors.map((e) => this.executionError(e)) } };
  }

  private document(text: string): DocumentNode | WireError[] {
    const cached = this.documents.get(text);
    if (cached) return cached;
    let outcome: DocumentNode | WireError[];
    try {
      const document = parse(text);
      const errors = validate(this.schema, document, this.rules);
      outcome = errors.length ? errors.map((e) => wire(e, "GRAPHQL_VALIDATION_FAILED")) : document;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      outcome = [wire(error, "GRAPHQL_PARSE_FAILED")];
    }
    if (this.documents.size >= CACHE_LIMIT) this.documents.clear();
    this.documents.set(text, outcome);
    return outcome;
  }

  private executionError(error: GraphQLError): WireError {
    const original = error.originalError;
    if (original instanceof EmulatorError) {
      return { ...original.toWire(error.path ? [...error.path] : []), locations: error.locations ? [...error.locations] : [] };
    }
    // Anything else is a bug in the emulator: report it as the cloud would, keep details in the log.
    this.log(`internal error at ${error.path?.join(".") ?? "?"}: ${original?.stack ?? error.message}`);
    return {
      message: "Internal server error",
      locations: error.locations ? [...error.locations] : [],
      path: error.path ? [...error.path] : [],
      extensions: { code: "INTERNAL_SERVER_ERROR", exception: { status: 500 } },
    };
  }
}

function wire(error: GraphQLError, code: string): WireError {
  return {
    message: error.message,
    locations: error.locations ? [...error.locations] : [],
    path: error.path ? [...error.path] : [],
    extensions: { code },
  };
}

function requestError(code: string, message: string): GraphQLResponse {
  return { status: 400, body: { data: null, errors: [{ message, locations: [], path: [], extensions: { code } }] } };
}
