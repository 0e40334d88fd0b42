import type { FilterExpression, LambdaExpression, PropertyExpression } from "./filter-expression";
import { callFilterFunction } from "./call-filter-function";
import { compareValues } from "./compare-values";
import { resolvePropertyPath } from "./resolve-property-path";

interface Scope {
  readonly root: object;
  readonly variables: ReadonlyMap<string, unknown>;
}

/** True when the record matches; anything that is not strictly `true` (e.g. null) is a miss. */
export function evaluateFilter(expression: FilterExpression, record: object): boolean {
  return evaluate(expression, { root: record, variables: new Map() }) === true;
}

function evaluate(expression: FilterExpression, scope: Scope): unknown {
  switch (expression.kind) {
    case "literal":
      return expression.value;
    case "datetime":
      return new Date(expression.epochMs);
    case "property":
      return resolveProperty(expression, scope);
    case "comparison":
      return compareValues(
        expression.operator,
        evaluate(expression.left, scope),
        evaluate(expression.right, scope),
      );
    case "logical":
      return expression.operator === "and"
        ? isTrue(expression.left, scope) && isTrue(expression.right, scope)
        : isTrue(expression.left, scope) || isTrue(expression.right, scope);
    case "not":
      return !isTrue(expression.operand, scope);
    case "function":
      return callFilterFunction(
        expression.name,
        expression.args.map((arg) => evaluate(arg, scope)),
      );
    case "lambda":
      return evaluateLambda(expression, scope);
  }
}

function isTrue(expression: FilterExpression, scope: Scope): boolean {
  return evaluate(expression, scope) === true;
}

function resolveProperty(expression: PropertyExpression, scope: Scope): unknown {
  const base = expression.variable === null ? scope.root : scope.variables.get(expression.variable);
  return resolvePropertyPath(base, expression.path);
}

// A missing collection behaves like an empty one, as a SQL EXISTS over no rows would.
function evaluateLambda(expression: LambdaExpression, scope: Scope): boolean {
  const collection = resolveProperty(expression.collection, scope);
  const items: readonly unknown[] = Array.isArray(collection) ? collection : [];
  const { variable, predicate } = expression;
  if (variable === null || predicate === null) return items.length > 0;
  const matches = (item: unknown): boolean =>
    isTrue(predicate, { root: scope.root, variables: new Map(scope.variables).set(variable, item) });
  return expression.operator === "any" ? items.some(matches) : items.every(matches);
}
