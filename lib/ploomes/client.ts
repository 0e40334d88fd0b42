import type { z } from "zod";
import { env } from "@/lib/env";
import { PloomesError, invalidResponseError } from "./errors";
import {
  type ContactInput,
  type ContactPatch,
  type DealInput,
  type InteractionRecordInput,
  type LeadInput,
  contactInputSchema,
  contactPatchSchema,
  dealInputSchema,
  interactionRecordInputSchema,
  leadInputSchema,
} from "./input-schemas";
import { type ODataQuery, and, any, eq, odata, or } from "./odata-query";
import type { Pacer } from "./pacer";
import {
  type Account,
  type Contact,
  type Deal,
  type Field,
  type InteractionRecord,
  type Lead,
  type Origin,
  type Pipeline,
  type Stage,
  type User,
  accountSchema,
  contactSchema,
  dealSchema,
  fieldSchema,
  interactionRecordSchema,
  leadSchema,
  listOf,
  originSchema,
  pipelineSchema,
  stageSchema,
  userSchema,
} from "./schemas";
import { type HttpMethod, type PloomesTransport, sendPloomesRequest } from "./send-ploomes-request";

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
};

type RequestOptions<S extends z.ZodType | undefined> = { query?: ODataQuery; body?: unknown; schema: S };

// Ploomes answers a 429 without saying when its minute window resets; 15 s clears most windows in a step or
// two without stalling every caller for a whole minute.
const DEFAULT_RATE_LIMIT_PENALTY_MS = 15_000;
const PAGE_SIZE = 300;
const OPEN_DEALS_SHOWN = 20;
const PERSON = 2;
const COMPANY = 1;
const CONTACT_FIELDS = ["Id", "Name", "TypeId", "Email", "CompanyId", "OwnerId"] as const;
const DEAL_FIELDS = ["Id", "Title", "ContactId", "PersonId", "PipelineId", "StageId", "StatusId", "OwnerId", "Amount"];
const STAGE_FIELDS = ["Id", "Name", "PipelineId", "Ordination"] as const;

function checkId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`Not a Ploomes id: ${id}`);
  return id;
}

/** Ploomes' public REST API, as the JivoChat integration uses it. The base URL comes from config (or the sandbox). */
export class PloomesClient {
  private readonly transport: PloomesTransport;
  private readonly pacer?: Pacer;
  private readonly recorder?: (call: PloomesCallRecord) => void;

  constructor(options: PloomesClientOptions) {
    // fetch would quote an invalid header value, key included, in its error; refuse it here instead.
    if (!/^[\x21-\x7e]+$/.test(options.apiKey)) throw new Error("The Ploomes API key contains invalid characters.");
    this.transport = {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? env.PLOOMES_TIMEOUT_MS,
      fetchImpl: options.fetchImpl ?? fetch,
    };
    this.pacer = options.pacer;
    this.recorder = options.recorder;
  }

  verifyKey(): Promise<Account> {
    return this.first("/Account", odata().select("Id", "Name").top(1), accountSchema);
  }

  listPipelines(): Promise<Pipeline[]> {
    const stages = odata().select(...STAGE_FIELDS).orderby("Ordination");
    return this.listAll("/Deals@Pipelines", odata().select("Id", "Name").expand("Stages", stages), pipelineSchema);
  }

  listStages(pipelineId: number): Promise<Stage[]> {
    const query = odata().filter(eq("PipelineId", checkId(pipelineId))).select(...STAGE_FIELDS).orderby("Ordination");
    return this.listAll("/Deals@Stages", query, stageSchema);
  }

  listFields(entityId: 1 | 2 | 3): Promise<Field[]> {
    const query = odata()
      .filter(eq("EntityId", entityId))
      .select("Key", "Name", "EntityId", "OptionsTableId")
      .expand("Type");
    return this.listAll("/Fields", query, fieldSchema);
  }

  listUsers(): Promise<User[]> {
    return this.listAll("/Users", odata().select("Id", "Name", "Email").orderby("Name"), userSchema);
  }

  async findOrCreateOrigin(name = "JivoChat"): Promise<Origin> {
    const query = odata().filter(eq("Name", name)).select("Id", "Name").top(1);
    const found = await this.findOne("/Contacts@Origins", query, originSchema);
    return found ?? this.create("/Contacts@Origins", { Name: name }, originSchema);
  }

  findPersonByEmail(email: string): Promise<Contact | null> {
    const query = odata().filter(and(eq("TypeId", PERSON), eq("Email", email)));
    return this.findOne("/Contacts", query.select(...CONTACT_FIELDS).top(1), contactSchema);
  }

  /** One request for every candidate form of the number (national, with 55, with/without the 9th digit). */
  async findPersonByPhones(numbers: number[]): Promise<Contact | null> {
    const candidates = [...new Set(numbers)];
    if (candidates.length === 0) return null;
    const matches = candidates.map((n) => any("Phones", "p", eq("p/SearchPhoneNumber", n)));
    const query = odata().filter(and(eq("TypeId", PERSON), or(...matches)));
    return this.findOne("/Contacts", query.select(...CONTACT_FIELDS).top(1), contactSchema);
  }

  /** Any of the spellings (e.g. with and without accents) in one request. */
  async findCompanyByName(names: string[]): Promise<Contact | null> {
    const candidates = [...new Set(names)];
    if (candidates.length === 0) return null;
    const query = odata().filter(and(eq("TypeId", COMPANY), or(...candidates.map((name) => eq("Name", name)))));
    return this.findOne("/Contacts", query.select(...CONTACT_FIELDS).top(1), contactSchema);
  }

  getContact(id: number): Promise<Contact | null> {
    const query = odata()
      .filter(eq("Id", checkId(id)))
      .select(...CONTACT_FIELDS, "OriginId")
      .expand("Company", odata().select("Id", "Name"))
      .expand("Owner", odata().select("Id", "Name", "Email"));
    return this.findOne("/Contacts", query, contactSchema);
  }

  createContact(input: ContactInput): Promise<Contact> {
    return this.create("/Contacts", this.checkBody("POST", "/Contacts", contactInputSchema, input), contactSchema);
  }

  async updateContact(id: number, patch: ContactPatch): Promise<void> {
    const path = `/Contacts(${checkId(id)})`;
    await this.request("PATCH", path, { body: this.checkBody("PATCH", path, contactPatchSchema, patch), schema: undefined });
  }

  findOpenDeal({ personId, pipelineId }: { personId: number; pipelineId: number }): Promise<Deal | null> {
    const filter = and(eq("PersonId", checkId(personId)), eq("PipelineId", checkId(pipelineId)), eq("StatusId", 1));
    return this.findOne("/Deals", odata().filter(filter).select(...DEAL_FIELDS).top(1), dealSchema);
  }

  /** The most recent open deals where the contact is the client or the person, newest first. */
  async listOpenDealsOfContact(contactId: number): Promise<Deal[]> {
    const id = checkId(contactId);
    const contact = or(eq("ContactId", id), eq("PersonId", id));
    const query = odata().filter(and(contact, eq("StatusId", 1))).select(...DEAL_FIELDS).orderby("Id desc");
    const page = await this.request("GET", "/Deals", { query: query.top(OPEN_DEALS_SHOWN), schema: listOf(dealSchema) });
    return page.value;
  }

  createDeal(input: DealInput): Promise<Deal> {
    return this.create("/Deals", this.checkBody("POST", "/Deals", dealInputSchema, input), dealSchema);
  }

  createLead(input: LeadInput): Promise<Lead> {
    return this.create("/Leads", this.checkBody("POST", "/Leads", leadInputSchema, input), leadSchema);
  }

  createInteractionRecord(input: InteractionRecordInput): Promise<InteractionRecord> {
    const body = this.checkBody("POST", "/InteractionRecords", interactionRecordInputSchema, input);
    return this.create("/InteractionRecords", body, interactionRecordSchema);
  }

  private async findOne<T extends z.ZodType>(path: string, query: ODataQuery, schema: T): Promise<z.infer<T> | null> {
    const page = await this.request("GET", path, { query, schema: listOf(schema) });
    return page.value[0] ?? null;
  }

  private async first<T extends z.ZodType>(path: string, query: ODataQuery, schema: T): Promise<z.infer<T>> {
    const found = await this.findOne(path, query, schema);
    if (found === null) throw invalidResponseError({ method: "GET", path }, 200, "the list is empty");
    return found;
  }

  /** Pages through a list 300 (Ploomes' maximum) at a time; most lists here fit in one page. */
  private async listAll<T extends z.ZodType>(path: string, query: ODataQuery, schema: T): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for (;;) {
      const page = await this.request("GET", path, { query: query.top(PAGE_SIZE).skip(items.length), schema: listOf(schema) });
      items.push(...page.value);
      if (page.value.length < PAGE_SIZE) return items;
    }
  }

  private async create<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>> {
    const answer = await this.request("POST", path, { body, schema: listOf(schema) });
    const created = answer.value[0];
    if (created === undefined) throw invalidResponseError({ method: "POST", path }, 200, "no created record in `value`");
    return created;
  }

  /** A body Ploomes would refuse is refused here, without spending a request of the budget. */
  private checkBody<T extends z.ZodType>(method: HttpMethod, path: string, schema: T, input: unknown): z.output<T> {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    throw new PloomesError({ kind: "bad_request", method, path, ploomesMessage: `invalid body (${issues.join("; ")})` });
  }

  private async request<S extends z.ZodType | undefined>(
    method: HttpMethod,
    path: string,
    { query, body, schema }: RequestOptions<S>,
  ): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
    const search = query?.toString();
    const fullPath = search ? `${path}?${search}` : path;
    const call = { method, path: fullPath };
    await this.pacer?.acquire();
    const started = performance.now();
    let status: number | undefined;
    try {
      const answer = await sendPloomesRequest(this.transport, { ...call, body });
      status = answer.status;
      const result = schema?.safeParse(answer.json);
      if (result && !result.success) {
        const issue = result.error.issues[0];
        throw invalidResponseError(call, answer.status, `unexpected shape at ${issue?.path.join(".") || "root"}: ${issue?.message}`);
      }
      this.record({ ...call, status, durationMs: performance.now() - started });
      return result?.data as S extends z.ZodType ? z.infer<S> : undefined;
    } catch (error) {
      if (!(error instanceof PloomesError)) throw error;
      if (error.kind === "rate_limited") {
        // The 429 is what the caller must see; a failed penalty only means the next calls are not held back.
        await this.pacer?.penalize(error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PENALTY_MS).catch(() => undefined);
      }
      this.record({ ...call, status: error.status ?? status, durationMs: performance.now() - started, error });
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
