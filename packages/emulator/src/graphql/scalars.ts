// Custom scalars of the wire schema.
import { GraphQLError, Kind, valueFromASTUntyped, type GraphQLScalarTypeConfig, type ValueNode } from "graphql";

/** A file part of a multipart request, already written to disk; the `Upload` variable's value. */
export class UploadedFile {
  constructor(
    readonly blobId: string,
    readonly relPath: string,
    readonly absPath: string,
    readonly size: number,
    readonly filename: string | null,
    readonly head: Buffer,
  ) {}
}

type ScalarBehaviour = Pick<GraphQLScalarTypeConfig<unknown, unknown>, "serialize" | "parseValue" | "parseLiteral">;

/** Timestamps are stored already formatted (`YYYY-MM-DDTHH:MM:SS.mmmZ`) and pass through. */
export const dateTimeScalar: ScalarBehaviour = {
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string") throw new GraphQLError("DateTime must be a string");
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string");
    return ast.value;
  },
};

/** Any JSON value. */
export const jsonScalar: ScalarBehaviour = {
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast: ValueNode, variables?: { [key: string]: unknown } | null) => valueFromASTUntyped(ast, variables ?? undefined),
};

function toUInt64(value: unknown): number {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw new GraphQLError(`UInt64 must be a non-negative integer (or its decimal string); got ${JSON.stringify(value)}`);
  return n;
}

/** Unsigned 64-bit integers: the SDK sends decimal strings ("0"); responses use JSON numbers. */
export const uint64Scalar: ScalarBehaviour = {
  serialize: (value) => toUInt64(value),
  parseValue: (value) => toUInt64(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT && ast.kind !== Kind.STRING) throw new GraphQLError("UInt64 must be an integer or a decimal string");
    return toUInt64(ast.value);
  },
};

/** Only a multipart file part can provide an Upload. */
export const uploadScalar: ScalarBehaviour = {
  serialize: () => {
    throw new GraphQLError("Upload cannot be returned");
  },
  parseValue: (value) => {
    if (!(value instanceof UploadedFile)) throw new GraphQLError("Upload variables must be sent as a file part of a multipart request");
    return value;
  },
  parseLiteral: () => {
    throw new GraphQLError("Upload variables must be sent as a file part of a multipart request");
  },
};
