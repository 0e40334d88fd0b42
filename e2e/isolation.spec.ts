import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { issueSetupToken } from "@/lib/accounts/setup";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { createUser } from "@/lib/accounts/users";
import { deliver, setupSandboxIntegration } from "../test/helpers/sandbox-integration";
import { PASSWORD, signIn } from "./helpers/accounts";

// Every page and API route, as every kind of caller: anonymous, a member, another account's admin and member,
// and the account's own admin. Routes are discovered from app/, so a new page is checked the day it lands
// (and a new kind of dynamic segment or API route fails here until someone says how to check it).

const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
const PUBLIC_PAGES = new Set(["/", "/login", "/setup/[token]"]);
const ADMIN_ONLY_PAGES = new Set(["/users"]);

function routes(file: "page.tsx" | "route.ts", dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routes(file, full);
    if (entry.name !== file) return [];
    const segments = path
      .relative("app", dir)
      .split(path.sep)
      .filter((segment) => segment && !/^\(.*\)$/.test(segment));
    return [`/${segments.join("/")}`];
  });
}

type World = Awaited<ReturnType<typeof seedWorld>>;

/** Two accounts, each with a sandbox-connected integration; the victim's has processed one chat into a lead. */
async function seedWorld() {
  const victim = await setupSandboxIntegration(BASE_URL, { behaviour: "lead" });
  const intruder = await setupSandboxIntegration(BASE_URL, { behaviour: "lead" });
  const marker = `Vitima ${randomBytes(4).toString("hex")}`;
  await systemDb.integration.update({ where: { id: victim.integration.id }, data: { name: marker } });
  const chat = JSON.parse(fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8")) as Record<
    string,
    unknown
  >;
  const visitor = `Visitante ${marker}`;
  expect(
    (
      await deliver(
        victim.webhookUrl,
        JSON.stringify({ ...chat, chat_id: Date.now(), visitor: { name: visitor, email: "vitima@example.com" } }),
      )
    ).status,
  ).toBe(200);
  const event = await systemDb.webhookEvent.findFirstOrThrow({ where: { integrationId: victim.integration.id } });
  // The server's own worker turns it into a lead in the victim's sandbox.
  await expect
    .poll(async () => (await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status, {
      timeout: 30_000,
    })
    .toBe("done");
  const lead = await systemDb.sandboxRecord.findFirstOrThrow({
    where: { tenantId: victim.tenantId, entity: "Leads" },
    orderBy: { id: "desc" },
  });
  const member = (account: { id: string }) =>
    createUser(scopedDb(account.id), {
      name: "Membro",
      email: `membro-${randomBytes(4).toString("hex")}@example.com`,
      role: "member",
      password: PASSWORD,
    });
  return {
    victim: {
      ...victim,
      admin: victim.account.users[0]!.email,
      member: (await member(victim.account)).email,
      event,
      lead,
      marker,
      visitor,
    },
    intruder: { ...intruder, admin: intruder.account.users[0]!.email, member: (await member(intruder.account)).email },
  };
}

/** The victim's URL for a discovered page; a dynamic segment nobody has a fixture for fails the test. */
function concrete(route: string, world: World): string {
  return route.replace(/\[([^\]]+)\]/g, (_whole, name: string, offset: number) => {
    const before = route.slice(0, offset);
    if (name === "id" && before.endsWith("/events/")) return world.victim.event.id;
    if (name === "id" && before.endsWith("/integrations/jivo/")) return world.victim.integration.id;
    if (name === "token") return randomBytes(24).toString("base64url");
    throw new Error(`no isolation fixture for [${name}] in ${route}: add one to e2e/isolation.spec.ts`);
  });
}

async function pageAs(browser: Browser, email: string | null): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (email) await signIn(page, email);
  return page;
}

test.describe.configure({ mode: "serial" });

let world: World;
test.beforeAll(async () => {
  world = await seedWorld();
});

test("every page refuses whoever is not the account's own, and shows nothing of another account", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const pages = routes("page.tsx");
  expect(pages).toEqual(expect.arrayContaining(["/events", "/events/[id]", "/integrations/jivo/[id]", "/users"]));
  const callers = [
    { who: "anonymous", email: null, same: false, admin: false },
    { who: "member", email: world.victim.member, same: true, admin: false },
    { who: "admin of another account", email: world.intruder.admin, same: false, admin: true },
    { who: "member of another account", email: world.intruder.member, same: false, admin: false },
    { who: "admin", email: world.victim.admin, same: true, admin: true },
  ];
  const failures: string[] = [];
  const bodies: string[] = [];
  for (const caller of callers) {
    const page = await pageAs(browser, caller.email);
    if (caller.who === "admin") {
      page.on("response", (response) => {
        if (!response.url().includes("/_next/static/"))
          void response.text().then(
            (text) => bodies.push(text),
            () => undefined,
          );
      });
    }
    for (const route of pages) {
      const url = concrete(route, world);
      const response = await page.goto(url);
      const status = response?.status() ?? 0;
      const landed = new URL(page.url()).pathname;
      const html = await page.content();
      const seen = `${caller.who} ${url} → ${status} ${landed}`;
      if (status >= 500) failures.push(`${seen}: server error`);
      if (PUBLIC_PAGES.has(route)) continue;
      if (!caller.email) {
        if (landed !== "/login") failures.push(`${seen}: not sent to sign in`);
        continue;
      }
      const mine = caller.same || !route.includes("[");
      const roleOk = caller.admin || !ADMIN_ONLY_PAGES.has(route);
      const expected = !mine ? 404 : roleOk ? 200 : 403;
      if (status !== expected) failures.push(`${seen}: expected ${expected}`);
      if (!caller.same && (html.includes(world.victim.marker) || html.includes(world.victim.admin))) {
        failures.push(`${seen}: shows the other account's data`);
      }
    }
    await page.context().close();
  }
  expect(failures).toEqual([]);
  // The account's admin saw every page, sandbox and connection included: the Ploomes key was in none of them.
  expect(bodies.length).toBeGreaterThan(pages.length);
  expect(bodies.filter((body) => body.includes(world.victim.apiKey))).toEqual([]);
});

/** An API request as a signed-in user (their session cookie), without any Ploomes key. */
async function sessionRequest(browser: Browser, email: string): Promise<APIRequestContext> {
  const page = await pageAs(browser, email);
  return page.request;
}

test("API routes: a session opens none of them, another account's key reaches only its own sandbox", async ({
  browser,
  request,
}) => {
  const api = routes("route.ts");
  const checked = [
    "/api/auth/[...nextauth]",
    "/api/health",
    "/api/webhooks/jivo/[token]",
    "/sandbox/admin/[...path]",
    "/sandbox/ploomes/api/[...path]",
  ];
  expect(
    api.filter((route) => !checked.includes(route)),
    "API routes without an isolation check",
  ).toEqual([]);
  const admin = await sessionRequest(browser, world.victim.admin);
  const key = (apiKey: string) => ({ "User-Key": apiKey });
  const leadUrl = `${BASE_URL}/sandbox/ploomes/api/Leads(${world.victim.lead.id})`;

  // /api/health and /api/auth: public, and they say nothing of anyone else.
  expect((await request.get("/api/health")).status()).toBe(200);
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  const session = await (await admin.get("/api/auth/session")).json();
  expect(JSON.stringify(session)).not.toContain(world.intruder.admin);

  // The webhook: only its token opens it; a signed-in admin without it gets a 404, a GET a 405.
  expect(
    (await admin.post(`/api/webhooks/jivo/${randomBytes(24).toString("base64url")}`, { data: "{}" })).status(),
  ).toBe(404);
  expect((await request.get(world.victim.webhookUrl)).status()).toBe(405);

  // The sandbox API: the key is the credential; a session is not; another tenant's key sees only its own.
  expect((await admin.get(leadUrl)).status()).toBe(401);
  expect((await request.get(leadUrl, { headers: key(world.victim.apiKey) })).status()).toBe(200);
  expect((await request.get(leadUrl, { headers: key(world.intruder.apiKey) })).status()).toBe(404);
  const theirs = await (
    await request.get(`${BASE_URL}/sandbox/ploomes/api/Leads`, { headers: key(world.intruder.apiKey) })
  ).text();
  expect(theirs).not.toContain(world.victim.visitor);

  // Sandbox admin: no key, no change; another tenant's reset wipes only its own records.
  const faults = `${BASE_URL}/sandbox/admin/tenants/faults`;
  expect((await admin.put(faults, { data: { errorRate: 1 } })).status()).toBe(401);
  expect(
    (await request.post(`${BASE_URL}/sandbox/admin/tenants/reset`, { headers: key(world.intruder.apiKey) })).status(),
  ).toBe(204);
  expect(await systemDb.sandboxRecord.count({ where: { id: world.victim.lead.id } })).toBe(1);
  expect((await systemDb.sandboxTenant.findUniqueOrThrow({ where: { id: world.victim.tenantId } })).errorRate).toBe(0);
});

test("sign-in: the e-mail lock holds when the attacker changes X-Forwarded-For on every attempt", async ({
  request,
}) => {
  const email = world.intruder.member;
  const attempt = async (password: string, ip: string) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      headers: { "x-forwarded-for": ip },
      maxRedirects: 0,
    });
    return JSON.stringify(await response.json().catch(() => ({}))) + (response.headers().location ?? "");
  };
  for (let n = 0; n < 5; n++)
    expect(await attempt(`errada-${n}`, `203.0.113.${n + 1}`)).toContain("invalid_credentials");
  expect(await attempt(PASSWORD, "198.51.100.77")).toContain("too_many_attempts");
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
});

test("a setup link is dead once an account exists", async ({ request }) => {
  const token = await issueSetupToken();
  expect((await request.get(`/setup/${token}`)).status()).toBe(404);
});

test("the Ploomes keys never reach the server log", async () => {
  const log = fs.readFileSync(process.env.E2E_SERVER_LOG ?? "data/e2e/server.log", "utf8");
  for (const apiKey of [world.victim.apiKey, world.intruder.apiKey]) expect(log).not.toContain(apiKey);
  expect(log.match(/sbx_[A-Za-z0-9_-]{16,}/g) ?? []).toEqual([]);
});
