import { createHash } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/env";
import { privateAddressesAllowed } from "./base-url";
import { PloomesError, invalidResponseError } from "./errors";
import type { ODataQuery } from "./odata-query";
import type { Pacer } from "./pacer";
import { pinnedFetch } from "./pinned-fetch";
import { listOf } from "./schemas";
import { type HttpMethod, type PloomesTransport, sendPloomesRequest } from "./send-ploomes-request";

/** An id put in a request path (`/Deals(42)`): a positive safe integer, nothing else. */
export function checkId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`Not a Ploomes id: ${id}`);
  return id;
}

export type PloomesCallRecord = {
  method: HttpMethod;
  /** Path and query; never contains the key. */
  path: string;
  status?: number;
  durationMs: number;
  error?: PloomesError;
};

export type PloomesClientOptions = {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  pacer?: Pacer;
  recorder?: (call: PloomesCallRecord) => void;
  fetchImpl?: typeof fetch;
  /** The app's own sandbox: its private address is called (otherwise refused in production, base-url.ts). */
  allowPrivate?: boolean;
};

// Ploomes answers a 429 without saying when its minute window resets; 15 s clears most windows in a step or
// two without stalling every caller for a whole minute.
const DEFAULT_RATE_LIMIT_PENALTY_MS = 15_000;
const PAGE_SIZE = 300;

export type Input = { schema: z.ZodType; value: unknown };

function parseBody(call: { method: HttpMethod; path: string }, input: Input): unknown {
  const parsed = input.schema.safeParse(input.value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  throw new PloomesError({ ...call, kind: "bad_request", ploomesMessage: `invalid body (${issues.join("; ")})` });
}

/** The request machinery under every PloomesClient call: pacing, body and answer validation, call records. */
export abstract class PloomesClientCore {
  private readonly transport: PloomesTransport;
  private readonly pacer?: Pacer;
  private readonly recorder?: (call: PloomesCallRecord) => void;
  /**
   * Which Ploomes account (address and key) this client speaks to, as a hash: what it loads — ids of origins,
   * users, funnels, fields — belongs to that account only (see lib/ploomes/metadata.ts).
   */
  readonly scope: string;

  constructor(options: PloomesClientOptions) {
    // fetch would quote an invalid header value, key included, in its error; refuse it here instead.
    if (!/^[\x21-\x7e]+$/.test(options.apiKey)) throw new Error("The Ploomes API key contains invalid characters.");
    this.transport = {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? env.PLOOMES_TIMEOUT_MS,
      // Resolves the host on every call and connects only to a checked address (DNS rebinding, pinned-fetch.ts).
      fetchImpl:
        options.fetchImpl ?? pinnedFetch({ allowPrivate: Boolean(options.allowPrivate) || privateAddressesAllowed() }),
    };
    this.pacer = options.pacer;
    this.recorder = options.recorder;
    this.scope = createHash("sha256").update(`${this.transport.baseUrl}\n${options.apiKey}`).digest("hex").slice(0, 32);
  }

  protected async findOne<T extends z.ZodType>(path: string, query: ODataQuery, schema: T): Promise<z.infer<T> | null> {
    const page = await this.request("GET", path, { query, schema: listOf(schema) });
    return page.value[0] ?? null;
  }

  /** Pages through a list 300 (Ploomes' maximum) at a time; most lists here fit in one page. */
  protected async listAll<T extends z.ZodType>(path: string, query: ODataQuery, schema: T): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for (;;) {
      const pageQuery = query.top(PAGE_SIZE).skip(items.length);
      const page = await this.request("GET", path, { query: pageQuery, schema: listOf(schema) });
      items.push(...page.value);
      if (page.value.length < PAGE_SIZE) return items;
    }
  }

  protected async create<T extends z.ZodType>(path: string, input: Input, schema: T): Promise<z.infer<T>> {
    const answer = await this.request("POST", path, { input, schema: listOf(schema) });
    const created = answer.value[0];
    if (created === undefined) throw invalidResponseError({ method: "POST", path }, 200, "no record in `value`");
    return created;
  }

  protected async request<T extends z.ZodType>(
    method: HttpMethod,
    path: string,
    { query, input, schema }: { query?: ODataQuery; input?: Input; schema: T },
  ): Promise<z.infer<T>> {
    const search = query?.toString();
    const call = { method, path: search ? `${path}?${search}` : path };
    // A body Ploomes would refuse is refused here, without spending a request of the budget.
    const body = input && parseBody(call, input);
    await this.pacer?.acquire();
    const started = performance.now();
    try {
      const answer = await sendPloomesRequest(this.transport, { ...call, body });
      const result = schema.safeParse(answer.json);
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.join(".") || "root";
        throw invalidResponseError(call, answer.status, `unexpected shape at ${where}: ${issue?.message}`);
      }
      this.record({ ...call, status: answer.status, durationMs: performance.now() - started });
      return result.data;
    } catch (error) {
      if (!(error instanceof PloomesError)) throw error;
      if (error.kind === "rate_limited") {
        // The 429 is what the caller must see; a failed penalty only means the next calls are not held back.
        await this.pacer?.penalize(error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PENALTY_MS).catch(() => undefined);
      }
      this.record({ ...call, status: error.status, durationMs: performance.now() - started, error });
      throw error;
    }
  }

  private record(call: PloomesCallRecord): void {
    try {
      this.recorder?.({ ...call, durationMs: Math.round(call.durationMs) });
    } catch {
      // Call logging must never turn a successful CRM write into a failure (and a retry that duplicates it).
    }
  }
}
