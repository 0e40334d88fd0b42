import { defaultParser, type Token } from "@odata/parser";
import { convertFilterToken } from "./filter-tokens";
import { ODataQueryError } from "./query";

// $filter: our own filter AST, small and typed, so evaluation never depends on the parser package's
// untyped token shapes; and parseFilter, which builds it with that package's grammar (its tokens are
// converted in filter-tokens.ts).

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

/**
 * Parses a $filter expression with the `@odata/parser` grammar (OData v4 ABNF) and converts the
 * result to our typed AST. `option` labels error messages, e.g. "$filter (in $expand=Stages)".
 */
export function parseFilter(source: string, option = "$filter"): FilterExpression {
  const expression = source.trim();
  if (expression === "") {
    throw new ODataQueryError(option, `Invalid ${option}: the expression is empty`);
  }
  const offset = source.indexOf(expression);
  assertFilterCharacters(expression, option, offset);
  let token: Token;
  try {
    token = defaultParser.filter(expression);
  } catch (error) {
    const reason = describeParserError(error, expression, offset);
    throw new ODataQueryError(option, `Invalid ${option}: ${reason}`);
  }
  return convertFilterToken(token, { option, offset });
}

// The package throws plain Errors ending in "at <position>"; anything else (e.g. a stack
// overflow on absurdly nested input) must still become a 400, never a 500.
function describeParserError(error: unknown, expression: string, offset: number): string {
  const message = error instanceof Error ? error.message : "";
  const marker = message.lastIndexOf(" at ");
  const position = marker === -1 ? Number.NaN : Number(message.slice(marker + 4));
  if (!Number.isInteger(position)) return "the expression could not be parsed";
  const where = `unexpected token at position ${position + offset}`;
  // When anything inside a lambda fails, the parser backtracks to the "(" after any/all, which
  // alone would be a baffling position to report.
  const keyword = expression.slice(Math.max(0, position - 3), position);
  if (expression[position] !== "(" || (keyword !== "any" && keyword !== "all")) return where;
  return `${where}: the ${keyword}() lambda could not be parsed (check its predicate; nested lambdas are not supported)`;
}

const JSON_LITERAL_CHARACTERS: ReadonlySet<string> = new Set(["[", "]", "{", "}", '"']);
const HEX_DIGITS = "0123456789abcdefABCDEF";

/**
 * Screens a $filter before it reaches the parser package. Its JSON-literal grammar (`[...]`,
 * `{...}`) loops forever on an unterminated string such as `["a`, hanging the server thread, so
 * those characters are refused outside string literals; we support no collection literals anyway.
 * The package also reads `%22`/`%27`/`%5B` as quotes and brackets, so a percent-escape (which can
 * only come from double encoding once URLSearchParams has decoded the value) is refused too,
 * keeping our view of where strings start and end identical to the parser's.
 */
function assertFilterCharacters(expression: string, option: string, offset: number): void {
  let inString = false;
  for (let index = 0; index < expression.length; index++) {
    const char = expression.charAt(index);
    const position = index + offset;
    if (char === "%" && isHex(expression.charAt(index + 1)) && isHex(expression.charAt(index + 2))) {
      const escape = expression.slice(index, index + 3);
      throw new ODataQueryError(
        option,
        `Invalid ${option}: percent-encoded sequence '${escape}' at position ${position} (the value seems to be URL-encoded twice)`,
      );
    }
    if (char === "'") inString = !inString;
    else if (!inString && JSON_LITERAL_CHARACTERS.has(char)) {
      throw new ODataQueryError(
        option,
        `Invalid ${option}: unexpected character '${char}' at position ${position} (collection and JSON literals are not supported)`,
      );
    }
  }
}

function isHex(char: string): boolean {
  return char !== "" && HEX_DIGITS.includes(char);
}
