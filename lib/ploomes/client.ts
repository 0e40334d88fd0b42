import { z } from "zod";
import {
  type ContactInput,
  type ContactPatch,
  type DealInput,
  type InteractionRecordInput,
  type LeadInput,
  type LeadPatch,
  contactInputSchema,
  contactPatchSchema,
  dealInputSchema,
  interactionRecordInputSchema,
  leadInputSchema,
  leadPatchSchema,
} from "./input-schemas";
import { type ODataFilter, and, any, contains, eq, odata, or } from "./odata-query";
import {
  type Contact,
  type Deal,
  type InteractionRecord,
  type Lead,
  type OtherProperty,
  contactSchema,
  dealSchema,
  interactionRecordSchema,
  leadSchema,
  listOf,
  phoneSchema,
} from "./schemas";
import { PloomesCatalogClient } from "./client-catalogs";
import { checkId } from "./client-core";

export type { PloomesCallRecord, PloomesClientOptions } from "./client-core";

const OPEN_DEALS_SHOWN = 20;
const PERSON = 2;
const COMPANY = 1;
const CONTACT_FIELDS = ["Id", "Name", "TypeId", "Email", "CompanyId", "OwnerId"] as const;
const DEAL_FIELDS = ["Id", "Title", "ContactId", "PersonId", "PipelineId", "StageId", "StatusId", "OwnerId", "Amount"];

/** A record (contact or lead) with any of these `SearchPhoneNumber`s; callers skip the request when there are none. */
function anyPhone(numbers: number[]): ODataFilter {
  return or(...[...new Set(numbers)].map((n) => any("Phones", "p", eq("p/SearchPhoneNumber", n))));
}

/** Ploomes' public REST API as the JivoChat integration uses it; the base URL is Ploomes' or the sandbox's. */
export class PloomesClient extends PloomesCatalogClient {
  findPersonByEmail(email: string): Promise<Contact | null> {
    const query = odata().filter(and(eq("TypeId", PERSON), eq("Email", email)));
    return this.findOne("/Contacts", query.select(...CONTACT_FIELDS).top(1), contactSchema);
  }

  /** One request for every candidate form of the number (national, with 55, with/without the 9th digit). */
  async findPersonByPhones(numbers: number[]): Promise<Contact | null> {
    if (numbers.length === 0) return null;
    const query = odata().filter(and(eq("TypeId", PERSON), anyPhone(numbers)));
    return this.findOne("/Contacts", query.select(...CONTACT_FIELDS).top(1), contactSchema);
  }

  /**
   * One request for "this e-mail or any form of this phone"; an e-mail match wins over a phone match.
   * Saves a call per chat against two separate look-ups.
   */
  async findPersonByEmailOrPhones(
    email: string | null,
    numbers: number[],
  ): Promise<{ person: Contact; by: "email" | "phone" } | null> {
    const keys = [...(email ? [eq("Email", email)] : []), ...(numbers.length > 0 ? [anyPhone(numbers)] : [])];
    if (keys.length === 0) return null;
    const query = odata()
      .filter(and(eq("TypeId", PERSON), or(...keys)))
      .select(...CONTACT_FIELDS)
      .top(10);
    const page = await this.request("GET", "/Contacts", { query, schema: listOf(contactSchema) });
    const byEmail = email
      ? page.value.find((contact) => contact.Email?.toLowerCase() === email.toLowerCase())
      : undefined;
    if (byEmail) return { person: byEmail, by: "email" };
    const byPhone = page.value[0];
    return byPhone ? { person: byPhone, by: "phone" } : null;
  }

  /**
   * The newest person with exactly this name, and this origin and company when given: recovers a person without
   * e-mail or phone whose creation answer was lost. The origin keeps it to people the integration wrote.
   */
  findPersonByName({
    name,
    originId,
    companyId,
  }: {
    name: string;
    originId?: number | null;
    companyId?: number | null;
  }): Promise<Contact | null> {
    const filter = and(
      eq("TypeId", PERSON),
      eq("Name", name),
      ...(originId ? [eq("OriginId", checkId(originId))] : []),
      ...(companyId ? [eq("CompanyId", checkId(companyId))] : []),
    );
    return this.findOne(
      "/Contacts",
      odata()
        .filter(filter)
        .select(...CONTACT_FIELDS)
        .orderby("Id desc")
        .top(1),
      contactSchema,
    );
  }

  /** Any of the spellings (e.g. with and without accents) in one request. */
  async findCompanyByName(names: string[]): Promise<Contact | null> {
    const candidates = [...new Set(names)];
    if (candidates.length === 0) return null;
    const query = odata().filter(and(eq("TypeId", COMPANY), or(...candidates.map((name) => eq("Name", name)))));
    return this.findOne("/Contacts", query.select(...CONTACT_FIELDS).top(1), contactSchema);
  }

  /** With its company, owner and phones: navigation properties, which Ploomes returns only when expanded. */
  getContact(id: number): Promise<Contact | null> {
    const query = odata()
      .filter(eq("Id", checkId(id)))
      .select(...CONTACT_FIELDS, "OriginId")
      .expand("Company", odata().select("Id", "Name"))
      .expand("Owner", odata().select("Id", "Name", "Email"))
      .expand("Phones", odata().select("PhoneNumber"));
    return this.findOne("/Contacts", query, contactSchema);
  }

  createContact(input: ContactInput): Promise<Contact> {
    return this.create("/Contacts", { schema: contactInputSchema, value: input }, contactSchema);
  }

  async updateContact(id: number, patch: ContactPatch): Promise<void> {
    const input = { schema: contactPatchSchema, value: patch };
    // Whatever Ploomes answers to a PATCH (the record, or nothing) is not needed.
    await this.request("PATCH", `/Contacts(${checkId(id)})`, { input, schema: z.unknown() });
  }

  findOpenDeal({ personId, pipelineId }: { personId: number; pipelineId: number }): Promise<Deal | null> {
    const filter = and(eq("PersonId", checkId(personId)), eq("PipelineId", checkId(pipelineId)), eq("StatusId", 1));
    return this.findOne(
      "/Deals",
      odata()
        .filter(filter)
        .select(...DEAL_FIELDS)
        .top(1),
      dealSchema,
    );
  }

  /** The most recent open deals where the contact is the client or the person, newest first. */
  async listOpenDealsOfContact(contactId: number): Promise<Deal[]> {
    const id = checkId(contactId);
    const filter = and(or(eq("ContactId", id), eq("PersonId", id)), eq("StatusId", 1));
    const query = odata()
      .filter(filter)
      .select(...DEAL_FIELDS)
      .orderby("Id desc")
      .top(OPEN_DEALS_SHOWN);
    const page = await this.request("GET", "/Deals", { query, schema: listOf(dealSchema) });
    return page.value;
  }

  createDeal(input: DealInput): Promise<Deal> {
    return this.create("/Deals", { schema: dealInputSchema, value: input }, dealSchema);
  }

  /**
   * The newest lead with this e-mail, else any form of these phones (one request), else this person's name, else
   * this company name: recovers a lead whose answer was lost.
   */
  findLead(keys: {
    email?: string | null;
    phones?: number[];
    personName?: string | null;
    companyName?: string | null;
  }): Promise<Lead | null> {
    const { email, phones = [], personName, companyName } = keys;
    const filter =
      (email && eq("Email", email)) ||
      (phones.length > 0 && anyPhone(phones)) ||
      (personName && eq("PersonName", personName)) ||
      (companyName && eq("CompanyName", companyName)) ||
      null;
    if (!filter) return Promise.resolve(null);
    return this.findOne(
      "/Leads",
      odata().filter(filter).select("Id", "PersonName", "Email").orderby("Id desc").top(1),
      leadSchema,
    );
  }

  /**
   * The newest lead with this e-mail or any form of these phones (one request): the visitor's lead, reused by a
   * later chat or offline message of theirs. An e-mail match wins over a phone match.
   */
  async findLeadByEmailOrPhones(email: string | null, phones: number[]): Promise<Lead | null> {
    const keys = [...(email ? [eq("Email", email)] : []), ...(phones.length > 0 ? [anyPhone(phones)] : [])];
    if (keys.length === 0) return null;
    const query = odata()
      .filter(or(...keys))
      .select("Id", "PersonName", "Email")
      .orderby("Id desc")
      .top(10);
    const page = await this.request("GET", "/Leads", { query, schema: listOf(leadSchema) });
    const byEmail = email ? page.value.find((lead) => lead.Email?.toLowerCase() === email.toLowerCase()) : undefined;
    return byEmail ?? page.value[0] ?? null;
  }

  /** A lead's custom field values (a navigation property: only expanded). */
  async getLeadOtherProperties(id: number): Promise<OtherProperty[]> {
    const query = odata()
      .filter(eq("Id", checkId(id)))
      .select("Id")
      .expand("OtherProperties");
    const lead = await this.findOne("/Leads", query, leadSchema);
    return lead?.OtherProperties ?? [];
  }

  async updateLead(id: number, patch: LeadPatch): Promise<void> {
    await this.request("PATCH", `/Leads(${checkId(id)})`, {
      input: { schema: leadPatchSchema, value: patch },
      schema: z.unknown(),
    });
  }

  /** An interaction record of the contact whose content carries `marker` (a chat's own tag). */
  findInteractionRecord({
    contactId,
    marker,
  }: {
    contactId: number;
    marker: string;
  }): Promise<InteractionRecord | null> {
    const filter = and(eq("ContactId", checkId(contactId)), contains("Content", marker));
    return this.findOne(
      "/InteractionRecords",
      odata().filter(filter).select("Id", "ContactId", "DealId").top(1),
      interactionRecordSchema,
    );
  }

  createLead(input: LeadInput): Promise<Lead> {
    return this.create("/Leads", { schema: leadInputSchema, value: input }, leadSchema);
  }

  createInteractionRecord(input: InteractionRecordInput): Promise<InteractionRecord> {
    const body = { schema: interactionRecordInputSchema, value: input };
    return this.create("/InteractionRecords", body, interactionRecordSchema);
  }

  /** Name, e-mail and every phone with its type and country: what a contact update (client_updated) must keep. */
  getContactForUpdate(id: number): Promise<Contact | null> {
    const query = odata()
      .filter(eq("Id", checkId(id)))
      .select("Id", "Name", "TypeId", "Email")
      .expand("Phones", odata().select("PhoneNumber", "TypeId", "CountryId"));
    return this.findOne("/Contacts", query, contactSchema);
  }

  getLeadForUpdate(id: number): Promise<(Lead & { Phones?: z.infer<typeof phoneSchema>[] | null }) | null> {
    const query = odata()
      .filter(eq("Id", checkId(id)))
      .select("Id", "PersonName", "Email")
      .expand("Phones", odata().select("PhoneNumber", "TypeId", "CountryId"));
    return this.findOne("/Leads", query, leadSchema.extend({ Phones: z.array(phoneSchema).nullish() }));
  }
}
