import { ODataQueryError } from "./odata-query-error";

/**
 * Splits an option value on `separator`, ignoring separators nested in parentheses or inside
 * single-quoted strings (so `Stages($select=Id,Name),Owner` yields two items). Items are trimmed;
 * an empty item or unbalanced input is an error.
 */
export function splitTopLevel(source: string, separator: "," | ";", option: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    // A doubled quote inside a string toggles twice, which correctly leaves us inside it.
    if (char === "'") inString = !inString;
    if (inString) continue;
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth < 0) throw invalid(option, `unexpected ')' at position ${index}`);
    if (char === separator && depth === 0) {
      items.push(takeItem(source, start, index, option));
      start = index + 1;
    }
  }
  if (inString) throw invalid(option, "unterminated string literal");
  if (depth !== 0) throw invalid(option, "missing ')'");
  items.push(takeItem(source, start, source.length, option));
  return items;
}

function takeItem(source: string, start: number, end: number, option: string): string {
  const item = source.slice(start, end).trim();
  if (item === "") throw invalid(option, `empty item at position ${start}`);
  return item;
}

function invalid(option: string, reason: string): ODataQueryError {
  return new ODataQueryError(option, `Invalid ${option}: ${reason}`);
}
