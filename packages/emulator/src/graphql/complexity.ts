// A validation rule bounding what one document may ask for: the depth of its selections and the
// number of fields it selects (fragments expanded, aliases counted). A document over either limit
// fails with the cloud's exact message, which the SDK maps to ValidationFailedError.
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from "graphql";

/** The cloud's message; clients match it exactly. */
export const COMPLEXITY_MESSAGE = "Query complexity limit exceeded";

/** Marks errors produced by this rule (they get the GRAPHQL_VALIDATION_FAILED code like any other). */
export const complexityErrorTag = Symbol("complexity");

/** A rule rejecting documents deeper than `maxDepth` or selecting more than `maxFields` fields. */
export function complexityRule(maxDepth: number, maxFields: number): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    OperationDefinition(node) {
      let fields = 0;
      let tooDeep = false;
      const visiting = new Set<string>();
      const walk = (set: SelectionSetNode | undefined, depth: number): void => {
        if (!set || tooDeep || fields > maxFields) return;
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            fields += 1;
            if (selection.selectionSet) {
              if (depth + 1 > maxDepth) {
                tooDeep = true;
                return;
              }
              walk(selection.selectionSet, depth + 1);
            }
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            walk(selection.selectionSet, depth);
          } else {
            const name = selection.name.value;
            const fragment = context.getFragment(name);
            if (fragment && !visiting.has(name)) {
              visiting.add(name);
              walk(fragment.selectionSet, depth);
              visiting.delete(name);
            }
          }
        }
      };
      walk(node.selectionSet, 1);
      if (tooDeep || fields > maxFields) {
        const error = new GraphQLError(COMPLEXITY_MESSAGE, { nodes: [node] });
        (error as unknown as Record<symbol, boolean>)[complexityErrorTag] = true;
        context.reportError(error);
      }
    },
  });
}
