// Our own filter AST: small and typed, so evaluation never depends on the parser package's
// untyped token shapes.

export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterFunctionName = "contains" | "startswith" | "endswith" | "tolower" | "toupper";

export type FilterLiteralValue = string | number | boolean | null;

export interface LiteralExpression {
  readonly kind: "literal";
  readonly value: FilterLiteralValue;
}

/** A datetime literal is kept apart from strings so it is compared as an instant, not as text. */
export interface DateTimeExpression {
  readonly kind: "datetime";
  readonly epochMs: number;
}

/** `variable` is a lambda variable name, or null for the record being filtered ($it). */
export interface PropertyExpression {
  readonly kind: "property";
  readonly variable: string | null;
  readonly path: readonly string[];
}

export interface ComparisonExpression {
  readonly kind: "comparison";
  readonly operator: ComparisonOperator;
  readonly left: FilterExpression;
  readonly right: FilterExpression;
}

export interface LogicalExpression {
  readonly kind: "logical";
  readonly operator: "and" | "or";
  readonly left: FilterExpression;
  readonly right: FilterExpression;
}

export interface NotExpression {
  readonly kind: "not";
  readonly operand: FilterExpression;
}

export interface FunctionExpression {
  readonly kind: "function";
  readonly name: FilterFunctionName;
  readonly args: readonly FilterExpression[];
}

/** `any()` without a predicate has variable and predicate null: "the collection is not empty". */
export interface LambdaExpression {
  readonly kind: "lambda";
  readonly operator: "any" | "all";
  readonly collection: PropertyExpression;
  readonly variable: string | null;
  readonly predicate: FilterExpression | null;
}

export type FilterExpression =
  | LiteralExpression
  | DateTimeExpression
  | PropertyExpression
  | ComparisonExpression
  | LogicalExpression
  | NotExpression
  | FunctionExpression
  | LambdaExpression;
