import type {
  ComparisonOperator,
  FilterExpression,
  FilterFunctionName,
  LambdaExpression,
  PropertyExpression,
} from "./filter";
import { readOwnProperty } from "./query";

// Evaluating a $filter over a record with the semantics of Ploomes' SQL Server backend: comparisons, null
// handling, string functions, lambdas; the value comparison is shared with $orderby (apply.ts).

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
      return compareValues(expression.operator, evaluate(expression.left, scope), evaluate(expression.right, scope));
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

/** String functions are case-insensitive, matching LIKE under SQL Server's default collation. */
function callFilterFunction(name: FilterFunctionName, args: readonly unknown[]): unknown {
  const first = toText(args[0]);
  switch (name) {
    case "tolower":
      return first?.toLowerCase() ?? null;
    case "toupper":
      return first?.toUpperCase() ?? null;
    case "contains":
    case "startswith":
    case "endswith": {
      const second = toText(args[1]);
      if (first === null || second === null) return false;
      const text = first.toLowerCase();
      const part = second.toLowerCase();
      if (name === "contains") return text.includes(part);
      return name === "startswith" ? text.startsWith(part) : text.endsWith(part);
    }
  }
}

function toText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}

/**
 * Null handling follows the .NET/EF semantics Ploomes exposes: `null eq null` is true, `ne` is
 * the negation of `eq`, and ordering comparisons involving null are false.
 */
function compareValues(operator: ComparisonOperator, left: unknown, right: unknown): boolean {
  const leftIsNull = left === null || left === undefined;
  const rightIsNull = right === null || right === undefined;
  if (leftIsNull || rightIsNull) {
    if (operator === "eq") return leftIsNull && rightIsNull;
    if (operator === "ne") return !(leftIsNull && rightIsNull);
    return false;
  }
  const order = compareNonNullValues(left, right);
  // Values of unrelated types are simply different.
  if (order === null) return operator === "ne";
  switch (operator) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}

// SQL Server's default collation (Latin1_General_CI_AS) ignores case but not accents.
const collator = new Intl.Collator("en", { sensitivity: "accent" });

/**
 * Orders two non-null values the way Ploomes' SQL Server backend would: negative, zero or
 * positive, or null when the types cannot be compared at all.
 */
export function compareNonNullValues(left: unknown, right: unknown): number | null {
  if (left instanceof Date || right instanceof Date) return compareDates(left, right);
  if (typeof left === "number" || typeof right === "number") {
    const a = parseNumericValue(left);
    const b = parseNumericValue(right);
    return a === null || b === null ? null : Math.sign(a - b);
  }
  if (typeof left === "string" && typeof right === "string") {
    // Two date strings may carry different offsets, so text order is not time order.
    const dateOrder = compareDates(left, right);
    return dateOrder ?? Math.sign(collator.compare(left, right));
  }
  if (typeof left === "boolean" && typeof right === "boolean") {
    return Math.sign(Number(left) - Number(right));
  }
  return null;
}

function compareDates(left: unknown, right: unknown): number | null {
  const a = parseDateValue(left);
  const b = parseDateValue(right);
  return a === null || b === null ? null : Math.sign(a - b);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * Epoch milliseconds for a Date or an ISO 8601 date/datetime string, otherwise null.
 * Zone-less datetimes are read as UTC so results never depend on the server's time zone.
 */
function parseDateValue(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return null;
  const hasTime = text.length > 10;
  const hasZone = match[1] !== undefined;
  const epochMs = Date.parse(hasTime && !hasZone ? `${text.replace(" ", "T")}Z` : text.replace(" ", "T"));
  return Number.isNaN(epochMs) ? null : epochMs;
}

const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number, or a string holding a plain decimal number (SQL Server converts such strings when
 * they meet a numeric operand); anything else is not numeric.
 */
function parseNumericValue(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  return DECIMAL_TEXT.test(text) ? Number(text) : null;
}

/** Follows `Company/Name`-style paths; any missing step yields undefined (Ploomes' null). */
export function resolvePropertyPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    current = readOwnProperty(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}
