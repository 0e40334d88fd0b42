import { ODataQueryError } from "./odata-query-error";

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

export function isODataIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** Parses `Company/Name` into ["Company", "Name"]. */
export function parsePropertyPath(source: string, option: string): string[] {
  const segments = source.split("/");
  for (const segment of segments) {
    if (!isODataIdentifier(segment)) {
      throw new ODataQueryError(option, `Invalid ${option}: '${source}' is not a property path`);
    }
  }
  return segments;
}
