import { isODataIdentifier } from "./parse-property-path";
import { ODataQueryError } from "./odata-query-error";
import { splitTopLevel } from "./split-top-level";

/** Returns the selected property names, or null when `*` asks for every property. */
export function parseSelect(source: string, option: string): string[] | null {
  const names = splitTopLevel(source, ",", option);
  if (names.includes("*")) return null;
  for (const name of names) {
    if (!isODataIdentifier(name)) {
      throw new ODataQueryError(
        option,
        `Invalid ${option}: '${name}' is not a property name (only top-level properties can be selected)`,
      );
    }
  }
  return [...new Set(names)];
}
