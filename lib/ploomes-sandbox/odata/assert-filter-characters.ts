import { ODataQueryError } from "./odata-query-error";

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
export function assertFilterCharacters(expression: string, option: string, offset: number): void {
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
