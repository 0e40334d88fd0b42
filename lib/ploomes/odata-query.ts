// OData query builder for the Ploomes API, so no call site ever concatenates a filter by hand: literals are
// always escaped and field names are checked, which keeps user text (names, e-mails) out of the syntax.

export type ODataLiteral = string | number | boolean | null | Date;

type Precedence = "or" | "and" | "atom";

export class ODataFilter {
  constructor(
    readonly text: string,
    readonly precedence: Precedence,
  ) {}

  toString(): string {
    return this.text;
  }
}

// Field paths come from code, never from input; the check catches a value passed where a field belongs.
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(path: string): string {
  if (!FIELD_PATH.test(path)) throw new Error(`Not an OData field path: ${JSON.stringify(path)}`);
  return path;
}

export function literal(value: ODataLiteral): string {
  if (value === null) return "null";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`Not an OData number: ${value}`);
  return String(value);
}

const compare = (op: string) => (path: string, value: ODataLiteral) =>
  new ODataFilter(`${field(path)} ${op} ${literal(value)}`, "atom");

export const eq = compare("eq");
export const ne = compare("ne");
export const gt = compare("gt");
export const ge = compare("ge");
export const lt = compare("lt");
export const le = compare("le");

const call = (fn: string) => (path: string, value: string) =>
  new ODataFilter(`${fn}(${field(path)},${literal(value)})`, "atom");

export const contains = call("contains");
export const startswith = call("startswith");

function join(op: "and" | "or", parts: ODataFilter[]): ODataFilter {
  // An empty and/or has no single right meaning in a filter; the caller must skip the request instead.
  if (parts.length === 0) throw new Error(`OData ${op}() needs at least one condition`);
  if (parts.length === 1) return parts[0] as ODataFilter;
  // `and` binds tighter than `or`, so only an `or` inside an `and` needs parentheses.
  const text = parts.map((part) => (op === "and" && part.precedence === "or" ? `(${part.text})` : part.text));
  return new ODataFilter(text.join(` ${op} `), op);
}

export const and = (...parts: ODataFilter[]) => join("and", parts);
export const or = (...parts: ODataFilter[]) => join("or", parts);

/** `any("Phones", "p", eq("p/SearchPhoneNumber", 1))` → `Phones/any(p: p/SearchPhoneNumber eq 1)` */
export function any(collection: string, alias: string, condition: ODataFilter): ODataFilter {
  return new ODataFilter(`${field(collection)}/any(${field(alias)}: ${condition.text})`, "atom");
}

type QueryState = {
  filter?: ODataFilter;
  select: string[];
  expand: string[];
  orderby: string[];
  top?: number;
  skip?: number;
};

// Reserved characters that are harmless inside a query value; left readable so logged paths stay legible.
const READABLE = { "%24": "$", "%2C": ",", "%2F": "/", "%3A": ":", "%40": "@" } as const;

function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%(24|2C|2F|3A|40)/g, (code) => READABLE[code as keyof typeof READABLE]);
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`OData ${name} must be a non-negative integer`);
  return value;
}

export class ODataQuery {
  private constructor(private readonly state: QueryState) {}

  static empty(): ODataQuery {
    return new ODataQuery({ select: [], expand: [], orderby: [] });
  }

  private with(change: Partial<QueryState>): ODataQuery {
    return new ODataQuery({ ...this.state, ...change });
  }

  filter(condition: ODataFilter): ODataQuery {
    return this.with({ filter: condition });
  }

  select(...fields: string[]): ODataQuery {
    return this.with({ select: [...this.state.select, ...fields.map(field)] });
  }

  /** `expand("Stages", odata().select("Id").orderby("Ordination"))` → `Stages($select=Id;$orderby=Ordination)` */
  expand(navigation: string, nested?: ODataQuery): ODataQuery {
    const options = nested?.toNestedOptions();
    const item = options ? `${field(navigation)}(${options})` : field(navigation);
    return this.with({ expand: [...this.state.expand, item] });
  }

  /** Each clause is a field path, optionally followed by ` asc` or ` desc`. */
  orderby(...clauses: string[]): ODataQuery {
    const checked = clauses.map((clause) => {
      const [path = "", direction, ...rest] = clause.trim().split(/\s+/);
      if (rest.length > 0 || (direction !== undefined && direction !== "asc" && direction !== "desc")) {
        throw new Error(`Not an OData order clause: ${JSON.stringify(clause)}`);
      }
      return direction ? `${field(path)} ${direction}` : field(path);
    });
    return this.with({ orderby: [...this.state.orderby, ...checked] });
  }

  top(n: number): ODataQuery {
    return this.with({ top: count("$top", n) });
  }

  skip(n: number): ODataQuery {
    return this.with({ skip: count("$skip", n) });
  }

  /** The options in their conventional order, unencoded. */
  toEntries(): [string, string][] {
    const { filter, select, expand, orderby, top, skip } = this.state;
    const entries: [string, string][] = [];
    if (filter) entries.push(["$filter", filter.text]);
    if (select.length > 0) entries.push(["$select", select.join(",")]);
    if (expand.length > 0) entries.push(["$expand", expand.join(",")]);
    if (orderby.length > 0) entries.push(["$orderby", orderby.join(",")]);
    if (top !== undefined) entries.push(["$top", String(top)]);
    if (skip !== undefined) entries.push(["$skip", String(skip)]);
    return entries;
  }

  private toNestedOptions(): string {
    return this.toEntries()
      .map(([key, value]) => `${key}=${value}`)
      .join(";");
  }

  /** The encoded query string, without the leading `?`. */
  toString(): string {
    return this.toEntries()
      .map(([key, value]) => `${key}=${encodeValue(value)}`)
      .join("&");
  }
}

export function odata(): ODataQuery {
  return ODataQuery.empty();
}
