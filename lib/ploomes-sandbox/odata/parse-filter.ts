import { defaultParser, type Token } from "@odata/parser";
import type { FilterExpression } from "./filter-expression";
import { assertFilterCharacters } from "./assert-filter-characters";
import { convertFilterToken } from "./convert-filter-token";
import { ODataQueryError } from "./odata-query-error";

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
