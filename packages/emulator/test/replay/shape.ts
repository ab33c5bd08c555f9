// "Would this release accept the response?": every field the document selects is present, with
// the schema's type and nullability, plus the value formats the Python SDK parses (timestamps
// with fractional seconds and Z, 25-character ids).
import {
  Kind,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$/;
const CUID = /^c[0-9a-z]{24}$/;

/** Problems found in `data` for the operation in `query`. */
export function checkShape(schema: GraphQLSchema, query: string, data: unknown): string[] {
  const document: DocumentNode = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return ["no operation in the document"];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  const problems: string[] = [];
  if (!data || typeof data !== "object") return ["data is missing"];
  checkObject(root!, operation.selectionSet, data as Record<string, unknown>, "data", fragments, problems);
  return problems;
}

function checkObject(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  value: Record<string, unknown>,
  path: string,
  fragments: Map<string, FragmentDefinitionNode>,
  problems: string[],
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!(key in value)) {
        problems.push(`${path}.${key} is missing`);
        continue;
      }
      if (selection.name.value === "__typename") {
        if (value[key] !== type.name) problems.push(`${path}.__typename is ${JSON.stringify(value[key])}, expected ${type.name}`);
        continue;
      }
      const field = type.getFields()[selection.name.value];
      if (!field) {
        problems.push(`${path}.${key} is not a field of ${type.name}`);
        continue;
      }
      // The SDK's tests read mediaAttributes right after creation and expect an object.
      if (type.name === "DataRow" && selection.name.value === "mediaAttributes" && (value[key] === null || typeof value[key] !== "object")) {
        problems.push(`${path}.${key} must be an object`);
      }
      checkValue(field.type, selection.selectionSet, value[key], `${path}.${key}`, selection.name.value, fragments, problems);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      if (!condition || condition === type.name) checkObject(type, selection.selectionSet, value, path, fragments, problems);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && fragment.typeCondition.name.value === type.name) checkObject(type, fragment.selectionSet, value, path, fragments, problems);
    }
  }
}

function checkValue(
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
  value: unknown,
  path: string,
  fieldName: string,
  fragments: Map<string, FragmentDefinitionNode>,
  problems: string[],
): void {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) return void problems.push(`${path} is null but non-null in the schema`);
    return checkValue(type.ofType, selectionSet, value, path, fieldName, fragments, problems);
  }
  if (value === null) return;
  if (isListType(type)) {
    if (!Array.isArray(value)) return void problems.push(`${path} is not a list`);
    value.forEach((v, i) => checkValue(type.ofType, selectionSet, v, `${path}[${i}]`, fieldName, fragments, problems));
    return;
  }
  const named = getNamedType(type);
  if (isScalarType(named)) {
    const ok = scalarOk(named.name, value, fieldName);
    if (ok !== true) problems.push(`${path}: ${ok}`);
    return;
  }
  if (isEnumType(named)) {
    if (typeof value !== "string" || !named.getValue(value)) problems.push(`${path} is ${JSON.stringify(value)}, not a ${named.name} value`);
    return;
  }
  if (!value || typeof value !== "object") return void problems.push(`${path} is not an object`);
  const record = value as Record<string, unknown>;
  if (isUnionType(named)) {
    const member = named.getTypes().find((t) => t.name === record.__typename);
    if (!member) return void problems.push(`${path}.__typename ${JSON.stringify(record.__typename)} is not a member of ${named.name}`);
    checkObject(member, selectionSet!, record, path, fragments, problems);
    return;
  }
  if (isObjectType(named)) checkObject(named, selectionSet!, record, path, fragments, problems);
}

function scalarOk(name: string, value: unknown, fieldName: string): true | string {
  switch (name) {
    case "ID":
      if (typeof value !== "string") return `expected an ID string, got ${JSON.stringify(value)}`;
      // Ids the emulator hands out are cuid-shaped; "" is the placeholder of unresolved global keys.
      if ((fieldName === "id" || fieldName === "schemaId" || fieldName === "taskId" || fieldName === "jobId") && value !== "" && !CUID.test(value)) {
        return `id ${JSON.stringify(value)} is not 25 characters of c + [a-z0-9]`;
      }
      return true;
    case "String":
      return typeof value === "string" ? true : `expected a string, got ${JSON.stringify(value)}`;
    case "Int":
      return Number.isInteger(value) ? true : `expected an integer, got ${JSON.stringify(value)}`;
    case "Float":
      return typeof value === "number" ? true : `expected a number, got ${JSON.stringify(value)}`;
    case "Boolean":
      return typeof value === "boolean" ? true : `expected a boolean, got ${JSON.stringify(value)}`;
    case "DateTime":
      return typeof value === "string" && TIMESTAMP.test(value) ? true : `expected YYYY-MM-DDTHH:MM:SS.mmmZ, got ${JSON.stringify(value)}`;
    case "UInt64":
      return (typeof value === "number" && Number.isInteger(value) && value >= 0) || (typeof value === "string" && /^\d+$/.test(value))
        ? true
        : `expected an unsigned integer, got ${JSON.stringify(value)}`;
    default:
      return true; // Json: any value
  }
}
