import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PloomesCallRecord, PloomesClient } from "./client";
import { PloomesError } from "./errors";
import type { Pacer } from "./pacer";

const KEY = "k3y-THAT-must-NEVER-leak";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
type Handler = (seen: Seen, res: ServerResponse) => void;

let handler: Handler;
let seen: Seen[];
let baseUrl: string;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
    seen.push(request);
    handler(request, res);
  });
});

function json(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(payload));
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

let records: PloomesCallRecord[];
let penalties: number[];
let acquired: number;
const countingPacer: Pacer = {
  acquire: async () => void acquired++,
  penalize: async (delayMs) => void penalties.push(delayMs),
};

function client(timeoutMs = 2_000) {
  return new PloomesClient({ baseUrl, apiKey: KEY, timeoutMs, pacer: countingPacer, recorder: (r) => records.push(r) });
}

beforeEach(() => {
  seen = [];
  records = [];
  penalties = [];
  acquired = 0;
  handler = (_req, res) => json(res, 200, { value: [] });
});

const decodedUrl = (index = 0) => decodeURIComponent(seen[index]?.url ?? "");

describe("PloomesClient", () => {
  it("sends the key and JSON headers, and reads the account", async () => {
    handler = (_req, res) => json(res, 200, { "@odata.context": "x", value: [{ Id: 7, Name: "Acme" }] });
    await expect(client().verifyKey()).resolves.toMatchObject({ Id: 7, Name: "Acme" });
    expect(seen[0]).toMatchObject({ method: "GET", url: "/Account?$select=Id,Name&$top=1" });
    expect(seen[0]?.headers).toMatchObject({ "user-key": KEY, accept: "application/json" });
    expect(seen[0]?.headers["content-type"]).toBeUndefined();
    expect(acquired).toBe(1);
  });

  it("POSTs a JSON body and returns value[0] of the answer", async () => {
    handler = (req, res) => json(res, 200, { value: [{ Id: 99, ...JSON.parse(req.body) }] });
    const deal = await client().createDeal({ Title: "Chat #1", ContactId: 5, StageId: 3, OriginId: 2 });
    expect(deal).toMatchObject({ Id: 99, Title: "Chat #1" });
    expect(seen[0]).toMatchObject({ method: "POST", url: "/Deals" });
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ Title: "Chat #1", ContactId: 5, StageId: 3, OriginId: 2 });
  });

  it("finds a person by every phone form in one request", async () => {
    handler = (_req, res) => json(res, 200, { value: [{ Id: 12, Name: "Ana", TypeId: 2 }] });
    const found = await client().findPersonByPhones([11987654321, 5511987654321, 11987654321]);
    expect(found).toMatchObject({ Id: 12 });
    expect(seen).toHaveLength(1);
    expect(decodedUrl()).toContain(
      "$filter=TypeId eq 2 and (Phones/any(p: p/SearchPhoneNumber eq 11987654321) or " +
        "Phones/any(p: p/SearchPhoneNumber eq 5511987654321))",
    );
    await expect(client().findPersonByPhones([])).resolves.toBeNull();
    expect(seen).toHaveLength(1);
  });

  it("finds a lead by e-mail, else every phone form in one request, else the person's or company's name", async () => {
    const c = client();
    await c.findLead({ email: "ana@x.example", phones: [11987654321], personName: "Ana" });
    await c.findLead({ email: null, phones: [11987654321, 5511987654321], personName: "Ana" });
    await c.findLead({ phones: [], personName: "Ana d'Ávila", companyName: "Acme" });
    await c.findLead({ companyName: "Acme" });
    expect(await c.findLead({ email: null, phones: [], personName: null, companyName: null })).toBeNull();
    expect(seen.map((_, i) => decodedUrl(i))).toEqual([
      "/Leads?$filter=Email eq 'ana@x.example'&$select=Id,PersonName,Email&$orderby=Id desc&$top=1",
      "/Leads?$filter=Phones/any(p: p/SearchPhoneNumber eq 11987654321) or Phones/any(p: p/SearchPhoneNumber eq 5511987654321)" +
        "&$select=Id,PersonName,Email&$orderby=Id desc&$top=1",
      "/Leads?$filter=PersonName eq 'Ana d''Ávila'&$select=Id,PersonName,Email&$orderby=Id desc&$top=1",
      "/Leads?$filter=CompanyName eq 'Acme'&$select=Id,PersonName,Email&$orderby=Id desc&$top=1",
    ]);
  });

  it("finds the newest person of a name, with the origin and company when given", async () => {
    const c = client();
    await c.findPersonByName({ name: "Visitante JivoChat 40512", originId: 7, companyId: 6 });
    await c.findPersonByName({ name: "O'Neil", originId: null, companyId: null });
    expect(decodedUrl(0)).toContain(
      "$filter=TypeId eq 2 and Name eq 'Visitante JivoChat 40512' and OriginId eq 7 and CompanyId eq 6&",
    );
    expect(decodedUrl(1)).toContain("$filter=TypeId eq 2 and Name eq 'O''Neil'&");
    expect(decodedUrl(1)).toContain("&$orderby=Id desc&$top=1");
  });

  it("escapes names and returns null when nothing matches", async () => {
    await expect(client().findCompanyByName(["O'Brien Ltda", "O’Brien Ltda"])).resolves.toBeNull();
    expect(decodedUrl()).toContain("$filter=TypeId eq 1 and (Name eq 'O''Brien Ltda' or Name eq 'O’Brien Ltda')");
  });

  it("expands stages ordered, and pages through long lists", async () => {
    handler = (req, res) => {
      const skip = Number(new URL(req.url, "http://x").searchParams.get("$skip"));
      const count = skip === 0 ? 300 : 4;
      const value = Array.from({ length: count }, (_, i) => ({ Id: skip + i + 1, Name: `P${i}`, Stages: [] }));
      json(res, 200, { value });
    };
    await expect(client().listPipelines()).resolves.toHaveLength(304);
    expect(decodedUrl(0)).toBe(
      "/Deals@Pipelines?$select=Id,Name&$expand=Stages($select=Id,Name,PipelineId,Ordination;$orderby=Ordination)" +
        "&$top=300&$skip=0",
    );
    expect(decodedUrl(1)).toContain("&$top=300&$skip=300");
  });

  it("refuses an invalid body before spending a request", async () => {
    const error = await client()
      .createInteractionRecord({ ContactId: 1, Content: "" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "bad_request", retryable: false });
    expect(seen).toHaveLength(0);
  });

  it("turns a wrong answer shape into a permanent invalid_response", async () => {
    handler = (_req, res) => json(res, 200, { value: [{ Name: "no id" }] });
    await expect(client().listUsers()).rejects.toMatchObject({ kind: "invalid_response", retryable: false });
  });

  it("maps a 429 to rate_limited and pushes the pacer back by Retry-After", async () => {
    handler = (_req, res) => json(res, 429, { Message: "Too many requests" }, { "Retry-After": "12" });
    const error = await client()
      .listUsers()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterMs: 12_000, status: 429 });
    expect(penalties).toEqual([12_000]);
  });

  it("times out at the configured ms", async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { value: [] }), 3_000).unref();
    const started = performance.now();
    const error = await client(200)
      .listUsers()
      .catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2_500);
  });

  it("records every call, successes and failures, without the key", async () => {
    handler = (req, res) =>
      req.method === "PATCH"
        ? json(res, 404, { error: { message: `no contact for ${KEY}` } })
        : json(res, 200, { value: [] });
    const c = client();
    await c.findPersonByEmail("ana@example.com");
    const error = await c.updateContact(5, { Name: "Ana" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PloomesError);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ method: "GET", status: 200 });
    expect(records[0]?.error).toBeUndefined();
    expect(records[0]?.path).toMatch(/^\/Contacts\?\$filter=/);
    expect(records[1]).toMatchObject({ method: "PATCH", path: "/Contacts(5)", status: 404, error });
    for (const record of records) expect(record.durationMs).toBeGreaterThanOrEqual(0);
    expect(inspect(records, { depth: 5 }) + inspect(error) + String(error)).not.toContain(KEY);
  });

  it("does not follow a redirect, which would carry the key elsewhere", async () => {
    handler = (_req, res) => res.writeHead(302, { Location: `${baseUrl}elsewhere` }).end();
    const error = await client()
      .verifyKey()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_response", status: 302, retryable: false });
    expect(seen).toHaveLength(1);
  });

  it("reports a refused connection as a retryable network error", async () => {
    const closed = new PloomesClient({ baseUrl: "http://127.0.0.1:1", apiKey: KEY, recorder: (r) => records.push(r) });
    const error = await closed.verifyKey().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network", retryable: true });
    expect(records).toHaveLength(1);
    expect(inspect(error)).not.toContain(KEY);
  });

  it("refuses a key that fetch would quote back in an error", () => {
    expect(() => new PloomesClient({ baseUrl, apiKey: "bad\nkey" })).toThrow(/invalid characters/);
  });
});
