// The executable schema: the wire SDL (generated from schema/labelbox.graphql) with the
// emulator's resolvers and scalar behaviour attached.
import { buildSchema, GraphQLScalarType, isObjectType, isUnionType, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from "graphql";
import { schemaSDL } from "../generated/schema.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import type { EmulatorContext } from "../context.js";
import { dateTimeScalar, jsonScalar, uint64Scalar, uploadScalar } from "./scalars.js";

const scalars: Record<string, object> = { DateTime: dateTimeScalar, Json: jsonScalar, UInt64: uint64Scalar, Upload: uploadScalar };

/** Builds the schema and attaches `resolvers`; a resolver for a type or field the SDL lacks is an error. */
export function buildExecutableSchema(resolvers: Resolvers<EmulatorContext>): GraphQLSchema {
  const schema = buildSchema(schemaSDL);
  for (const [name, behaviour] of Object.entries(scalars)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) throw new Error(`Scalar ${name} is missing from the schema`);
    Object.assign(type, behaviour);
  }
  for (const [typeName, typeResolvers] of Object.entries(resolvers as Record<string, Record<string, unknown>>)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`Resolvers given for unknown type ${typeName}`);
    if (isUnionType(type)) {
      type.resolveType = typeResolvers.__resolveType as GraphQLTypeResolver<unknown, unknown>;
      continue;
    }
    if (!isObjectType(type)) throw new Error(`Resolvers given for ${typeName}, which is not an object or union type`);
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(typeResolvers)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`Resolver given for unknown field ${typeName}.${fieldName}`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
