import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { serveTestServer } from "../../helpers/serve-test-server";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupSandboxIntegration,
} from "../../helpers/sandbox-integration";

// A write Ploomes carries out but whose answer never arrives (a timeout, a dropped connection): the next attempt
// must find the record instead of creating it again. A proxy in front of the sandbox lets the first write of a
// kind through, then drops the connection instead of answering.

type Drop = {
  method: string;
  path: string;
  body: (body: Record<string, unknown>) => boolean;
  then?: () => Promise<void>;
};

// The proxy goes first: it forwards to the test server.
const server = serveTestServer({ beforeClose: closeProxy });
let drop: Drop | null = null;
const proxy = createServer((req, res) => void forward(req, res));

async function forward(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString();
  const headers = new Headers();
  for (const name of ["user-key", "content-type", "accept"])
    if (req.headers[name]) headers.set(name, String(req.headers[name]));
  const answer = await fetch(`${server.url}${req.url}`, { method: req.method, headers, body: body || undefined });
  const text = await answer.text();
  const path = new URL(req.url ?? "/", "http://proxy").pathname;
  const rule = drop;
  if (rule && req.method === rule.method && path.endsWith(rule.path) && answer.ok && rule.body(JSON.parse(body))) {
    drop = null;
    await rule.then?.();
    req.socket.destroy();
    return;
  }
  res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(text);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
});
async function closeProxy() {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
}

/** An integration whose Ploomes calls go through the proxy. */
async function integrationThroughProxy(behaviour: "company_person" | "lead") {
  const setup = await setupSandboxIntegration(server.url, { behaviour });
  const { port } = proxy.address() as AddressInfo;
  await systemDb.ploomesConnection.update({
    where: { id: setup.connection.id },
    data: { baseUrl: setup.connection.baseUrl.replace(server.url, `http://127.0.0.1:${port}`) },
  });
  return setup;
}

function chat(chatId: number, visitor: Record<string, unknown>) {
  const payload = JSON.parse(fixture("chat_finished_br"));
  return JSON.stringify({
    ...payload,
    chat_id: chatId,
    visitor: { ...payload.visitor, ...visitor },
    organization: null,
  });
}

async function finishedEvent(integrationId: string) {
  const [event] = await eventsOf(integrationId);
  expect(event!.status).toBe("done");
  expect(event!.job!.attempts).toBeGreaterThan(1);
  const steps = (JSON.parse(event!.plan ?? "[]") as { step: string }[]).map((entry) => entry.step);
  return { event: event!, steps };
}

describe("a write whose answer was lost is not repeated", () => {
  it("an anonymous visitor's person is found by the name it was sent with, not by a namesake of another origin", async () => {
    const setup = await integrationThroughProxy("company_person");
    const name = "Visitante JivoChat 880001";
    // While the answer is lost, someone creates a person of the same name by hand: newer, but not from JivoChat.
    drop = {
      method: "POST",
      path: "/Contacts",
      body: (body) => body.TypeId === 2,
      then: async () => void (await setup.crm.createContact({ Name: name, TypeId: 2 })),
    };
    await deliver(setup.webhookUrl, chat(770001, { name: null, email: null, phone: null, number: 880001 }));
    await drain([setup.integration.id]);

    const { event, steps } = await finishedEvent(setup.integration.id);
    expect(steps).toEqual(["findPersonByName", "createInteraction"]);
    const namesakes = (await sandboxRecords(setup.tenantId, "Contacts")).filter((contact) => contact.Name === name);
    expect(namesakes).toHaveLength(2);
    const ours = namesakes.find((contact) => contact.OriginId !== null)!;
    expect(JSON.parse(event.outcome!).person).toMatchObject({ id: ours.Id, how: "created" });
    const interactions = await sandboxRecords(setup.tenantId, "InteractionRecords");
    expect(interactions.filter((record) => record.ContactId === ours.Id)).toHaveLength(1);
  });

  it("a phone-only lead is found by its phone", async () => {
    const setup = await integrationThroughProxy("lead");
    drop = { method: "POST", path: "/Leads", body: () => true };
    await deliver(setup.webhookUrl, chat(770002, { name: null, email: null, phone: "(21) 99876-5432" }));
    await drain([setup.integration.id]);

    const { event, steps } = await finishedEvent(setup.integration.id);
    // The visitor's earlier lead is looked for first (none), then, after the lost create, the lead it made.
    expect(steps).toEqual(["findExistingLead", "findLead"]);
    const lookups = event.calls.filter((call) => call.method === "GET" && call.path.startsWith("/Leads"));
    const byPhone = expect.stringContaining("Phones/any(p: p/SearchPhoneNumber eq 5521998765432)");
    expect(lookups.map((call) => decodeURIComponent(call.path))).toEqual([byPhone, byPhone]);
    const leads = (await sandboxRecords(setup.tenantId, "Leads")).filter((lead) =>
      (lead.Phones as { PhoneNumber: string }[]).some((phone) => phone.PhoneNumber === "(21) 99876-5432"),
    );
    expect(leads).toHaveLength(1);
    expect(JSON.parse(event.outcome!).lead).toEqual({ id: leads[0]!.Id });
  });
});
