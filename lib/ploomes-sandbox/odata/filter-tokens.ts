import { TokenType, type Token } from "@odata/parser";
import type {
  ComparisonOperator,
  DateTimeExpression,
  FilterExpression,
  FilterFunctionName,
  LambdaExpression,
  LiteralExpression,
  PropertyExpression,
} from "./filter";
import { ODataQueryError, readOwnProperty } from "./query";

// The tokens @odata/parser returns for a $filter, converted into our AST (filter.ts); anything we do not
// support is refused here with the position the client can find it at.

export interface ConvertFilterContext {
  /** Option label for error messages, e.g. "$filter". */
  readonly option: string;
  /** Characters trimmed off the start of the expression, so positions match what the client sent. */
  readonly offset: number;
}

interface Scope extends ConvertFilterContext {
  readonly variables: ReadonlySet<string>;
}

const COMPARISON_OPERATORS: ReadonlyMap<string, ComparisonOperator> = new Map([
  [TokenType.EqualsExpression, "eq"],
  [TokenType.NotEqualsExpression, "ne"],
  [TokenType.GreaterThanExpression, "gt"],
  [TokenType.GreaterOrEqualsExpression, "ge"],
  [TokenType.LesserThanExpression, "lt"],
  [TokenType.LesserOrEqualsExpression, "le"],
]);

const FUNCTION_ARITY: ReadonlyMap<string, number> = new Map<FilterFunctionName, number>([
  ["contains", 2],
  ["startswith", 2],
  ["endswith", 2],
  ["tolower", 1],
  ["toupper", 1],
]);

const WRAPPER_TYPES: ReadonlySet<string> = new Set([
  TokenType.CommonExpression,
  TokenType.BoolParenExpression,
  TokenType.ParenExpression,
  TokenType.LambdaPredicateExpression,
]);

/** Converts the root token returned by `defaultParser.filter()` into our filter AST. */
export function convertFilterToken(token: Token, context: ConvertFilterContext): FilterExpression {
  return convert(token, { ...context, variables: new Set() });
}

function convert(token: Token, scope: Scope): FilterExpression {
  if (WRAPPER_TYPES.has(token.type)) return convert(child(token.value, token, scope), scope);
  const comparison = COMPARISON_OPERATORS.get(token.type);
  if (comparison !== undefined) {
    return {
      kind: "comparison",
      operator: comparison,
      left: convert(child(readOwnProperty(token.value, "left"), token, scope), scope),
      right: convert(child(readOwnProperty(token.value, "right"), token, scope), scope),
    };
  }
  switch (token.type) {
    case TokenType.AndExpression:
    case TokenType.OrExpression:
      return {
        kind: "logical",
        operator: token.type === TokenType.AndExpression ? "and" : "or",
        left: convert(child(readOwnProperty(token.value, "left"), token, scope), scope),
        right: convert(child(readOwnProperty(token.value, "right"), token, scope), scope),
      };
    case TokenType.NotExpression:
      return { kind: "not", operand: convert(child(token.value, token, scope), scope) };
    case TokenType.Literal:
      return convertFilterLiteral(token, (reason) => fail(scope, token, reason));
    case TokenType.MethodCallExpression:
      return convertMethodCall(token, scope);
    case TokenType.FirstMemberExpression:
      return convertFirstMember(token, scope);
    default:
      return unsupported(token, scope);
  }
}

function convertMethodCall(token: Token, scope: Scope): FilterExpression {
  const method = readOwnProperty(token.value, "method");
  const parameters = readOwnProperty(token.value, "parameters");
  const arity = typeof method === "string" ? FUNCTION_ARITY.get(method) : undefined;
  if (arity === undefined) return fail(scope, token, `function ${String(method)}() is not supported`);
  if (!Array.isArray(parameters) || parameters.length !== arity) {
    return fail(scope, token, `${String(method)}() takes ${arity} argument(s)`);
  }
  return {
    kind: "function",
    name: method as FilterFunctionName,
    args: parameters.map((parameter: unknown) => convert(child(parameter, token, scope), scope)),
  };
}

// Shapes produced by the parser: MemberExpression | [variable, MemberExpression] | variable.
function convertFirstMember(token: Token, scope: Scope): FilterExpression {
  const value: unknown = token.value;
  if (Array.isArray(value)) {
    const [variableToken, memberToken] = value as unknown[];
    const base = resolveVariable(child(variableToken, token, scope), scope);
    return convertMember(child(memberToken, token, scope), base, scope);
  }
  const inner = child(value, token, scope);
  if (inner.type === TokenType.MemberExpression) {
    return convertMember(inner, { kind: "property", variable: null, path: [] }, scope);
  }
  return resolveVariable(inner, scope);
}

function resolveVariable(token: Token, scope: Scope): PropertyExpression {
  if (token.type === TokenType.ImplicitVariableExpression) {
    return { kind: "property", variable: null, path: [] };
  }
  const name = token.type === TokenType.LambdaVariableExpression ? readIdentifierName(token) : null;
  if (name === null) return unsupported(token, scope);
  // Inside a lambda the parser tags every bare identifier as a lambda variable, even outer
  // properties such as `TypeId` in `Phones/any(p: p/TypeId eq TypeId)`; those belong to $it.
  return scope.variables.has(name)
    ? { kind: "property", variable: name, path: [] }
    : { kind: "property", variable: null, path: [name] };
}

function convertMember(token: Token, base: PropertyExpression, scope: Scope): FilterExpression {
  if (token.type !== TokenType.MemberExpression) return unsupported(token, scope);
  const pathToken = child(token.value, token, scope);
  if (pathToken.type !== TokenType.PropertyPathExpression) return unsupported(token, scope);
  const value: unknown = pathToken.value;
  if (isFilterToken(value) && value.type === TokenType.ODataIdentifier) {
    return extend(base, identifierName(value, scope));
  }
  const current = readOwnProperty(value, "current");
  const next = readOwnProperty(value, "next");
  if (!isFilterToken(current) || !isFilterToken(next)) return unsupported(pathToken, scope);
  const property = extend(base, identifierName(current, scope));
  if (next.type === TokenType.SingleNavigationExpression) {
    return convertMember(child(next.value, next, scope), property, scope);
  }
  if (next.type === TokenType.CollectionPathExpression) {
    return convertLambda(child(next.value, next, scope), property, scope);
  }
  return unsupported(pathToken, scope);
}

function convertLambda(token: Token, collection: PropertyExpression, scope: Scope): LambdaExpression {
  if (token.type !== TokenType.AnyExpression && token.type !== TokenType.AllExpression) {
    return unsupported(token, scope);
  }
  const operator = token.type === TokenType.AnyExpression ? "any" : "all";
  const variableToken = readOwnProperty(token.value, "variable");
  const predicateToken = readOwnProperty(token.value, "predicate");
  if (variableToken === undefined || predicateToken === undefined) {
    return { kind: "lambda", operator, collection, variable: null, predicate: null };
  }
  const variable = readIdentifierName(child(variableToken, token, scope));
  if (variable === null) return unsupported(token, scope);
  const inner: Scope = { ...scope, variables: new Set([...scope.variables, variable]) };
  const predicate = convert(child(predicateToken, token, scope), inner);
  return { kind: "lambda", operator, collection, variable, predicate };
}

function extend(base: PropertyExpression, name: string): PropertyExpression {
  return { kind: "property", variable: base.variable, path: [...base.path, name] };
}

function identifierName(token: Token, scope: Scope): string {
  const name = readIdentifierName(token);
  return name ?? unsupported(token, scope);
}

function child(value: unknown, parent: Token, scope: Scope): Token {
  return isFilterToken(value) ? value : unsupported(parent, scope);
}

function unsupported(token: Token, scope: Scope): never {
  return fail(scope, token, `unsupported expression '${token.raw}'`);
}

function fail(scope: ConvertFilterContext, token: Token, reason: string): never {
  const position = token.position + scope.offset;
  throw new ODataQueryError(scope.option, `Invalid ${scope.option}: ${reason} at position ${position}`);
}

const NUMERIC_EDM_TYPES: ReadonlySet<string> = new Set([
  "Edm.SByte",
  "Edm.Byte",
  "Edm.Int16",
  "Edm.Int32",
  "Edm.Int64",
  "Edm.Decimal",
  "Edm.Double",
  "Edm.Single",
]);

/**
 * Turns a parser Literal token into our literal node. `fail` throws the caller's
 * ODataQueryError so the message names the right option.
 */
function convertFilterLiteral(token: Token, fail: (reason: string) => never): LiteralExpression | DateTimeExpression {
  const edmType: unknown = token.value;
  const raw = token.raw;
  // The package tags the null literal with the pseudo-type "null".
  if (edmType === "null" || edmType === null) return { kind: "literal", value: null };
  if (edmType === "Edm.String") return { kind: "literal", value: unquoteString(raw, fail) };
  if (edmType === "Edm.Boolean") return { kind: "literal", value: raw.toLowerCase() === "true" };
  // SQL Server compares uniqueidentifiers case-insensitively, as we do with strings.
  if (edmType === "Edm.Guid") return { kind: "literal", value: raw };
  if (typeof edmType === "string" && NUMERIC_EDM_TYPES.has(edmType)) {
    const value = Number(raw);
    if (!Number.isFinite(value)) fail(`number literal ${raw} is not supported`);
    return { kind: "literal", value };
  }
  if (edmType === "Edm.DateTimeOffset" || edmType === "Edm.Date") {
    const epochMs = Date.parse(raw);
    if (Number.isNaN(epochMs)) fail(`invalid date literal ${raw}`);
    return { kind: "datetime", epochMs };
  }
  return fail(`literal ${raw} (${String(edmType)}) is not supported`);
}

function unquoteString(raw: string, fail: (reason: string) => never): string {
  if (raw.length < 2 || !raw.startsWith("'") || !raw.endsWith("'")) {
    fail(`malformed string literal ${raw}`);
  }
  // OData escapes a quote inside a string by doubling it: 'O''Brien'.
  return raw.slice(1, -1).split("''").join("'");
}

// The parser package types every token value as `any`; these guards let the converter narrow
// them instead of trusting a shape that a future package version might change.

function isFilterToken(value: unknown): value is Token {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { type?: unknown; raw?: unknown; position?: unknown };
  return (
    typeof candidate.type === "string" && typeof candidate.raw === "string" && typeof candidate.position === "number"
  );
}

/** Name carried by ODataIdentifier and LambdaVariableExpression tokens. */
function readIdentifierName(token: Token): string | null {
  const name = readOwnProperty(token.value, "name");
  return typeof name === "string" ? name : null;
}
