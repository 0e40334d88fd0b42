import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { createUser } from "@/lib/accounts/users";
import { seedAccount, seedIntegration } from "../../helpers/seed";

// Server actions are public POST endpoints: whoever knows an action's id can call it with any arguments. This
// matrix calls every exported action as each kind of caller, with the ids of someone else's records.

/** Read by the test file's vi.mock of next-auth: who `getServerSession` says is signed in. */
export const actingSession: { current: { userId: string } | null } = { current: null };

export type DiscoveredAction = {
  file: string;
  name: string;
  params: string[];
  call: (...args: unknown[]) => Promise<unknown>;
};

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : serverActionFiles(full);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith(".test.ts")) return [];
    return /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8")) ? [full] : [];
  });
}

/** Every function exported by a "use server" module under app/ or lib/ — the list grows as pages are added. */
export async function discoverServerActions(): Promise<DiscoveredAction[]> {
  const files = [...serverActionFiles(path.resolve("app")), ...serverActionFiles(path.resolve("lib"))];
  const actions: DiscoveredAction[] = [];
  for (const file of files) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      const params = /\(([^)]*)\)/.exec(value.toString())?.[1] ?? "";
      actions.push({
        file: path.relative(process.cwd(), file),
        name,
        params: params
          .split(",")
          .map((param) => param.replace(/=.*$/, "").trim())
          .filter(Boolean),
        call: value as DiscoveredAction["call"],
      });
    }
  }
  return actions;
}

export type Victim = Awaited<ReturnType<typeof seedVictim>>;

/** An account with an admin, a member, an integration with a connection, and an event whose job failed. */
export async function seedVictim(label: string) {
  const account = await seedAccount(label);
  const accountId = account.id;
  const admin = account.users[0]!;
  const member = await createUser(scopedDb(accountId), {
    name: "Membro",
    email: `membro-${randomBytes(4).toString("hex")}@example.com`,
    role: "member",
    password: "senha-segura-123",
  });
  const connection = await systemDb.ploomesConnection.create({
    data: {
      accountId,
      name: "Ploomes",
      // Nothing listens there: an admin's allowed call fails at Ploomes, after the door this matrix tests.
      baseUrl: "http://127.0.0.1:9/api",
      apiKeyCipher: encryptSecret("chave-de-teste-1234567890"),
      apiKeyLast4: "7890",
      budgetKey: randomBytes(8).toString("hex"),
    },
  });
  const { integration } = await seedIntegration({ accountId, connectionId: connection.id });
  const event = await systemDb.webhookEvent.create({
    data: {
      accountId,
      integrationId: integration.id,
      eventName: "chat_finished",
      dedupeKey: randomBytes(8).toString("hex"),
      rawPayload: "{}",
      status: "failed",
      job: { create: { chatKey: randomBytes(8).toString("hex"), status: "failed", attempts: 1, lastError: "semeado" } },
    },
  });
  return { accountId, name: account.name, admin, member, integration, event };
}

/** Everything of an account a server action could change, as one comparable value. */
export async function accountSnapshot(accountId: string): Promise<string> {
  const [accounts, users, integrations, connections, events, tenants] = await Promise.all([
    systemDb.account.findMany({ where: { id: accountId } }),
    systemDb.user.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    systemDb.integration.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    systemDb.ploomesConnection.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    systemDb.webhookEvent.findMany({ where: { accountId }, include: { job: true }, orderBy: { id: "asc" } }),
    systemDb.sandboxTenant.findMany({
      where: { accountId },
      select: { id: true, name: true, apiKeyHash: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return JSON.stringify({ accounts, users, integrations, connections, events, tenants });
}

// Inputs that pass validation, so that a refusal can only come from who is calling.
const INPUTS: Record<string, (victim: Victim) => unknown> = {
  connectPloomesAction: () => ({ apiKey: "chave-de-teste-1234567890", baseUrl: "http://127.0.0.1:9/api" }),
  renameIntegrationAction: () => ({ name: "Renomeada por outra conta" }),
  saveSettingsAction: () => ({ behaviour: "lead" }),
  dryRunAction: (victim) => ({ kind: "event", eventId: victim.event.id }),
  createUserAction: () => ({
    name: "Intrusa",
    email: `intrusa-${randomBytes(4).toString("hex")}@example.com`,
    role: "admin",
    password: "senha-segura-123",
  }),
  completeSetupAction: () => ({
    accountName: "Conta intrusa",
    name: "Intrusa",
    email: `setup-${randomBytes(4).toString("hex")}@example.com`,
    password: "senha-segura-123",
  }),
};

/** Arguments aimed at the victim's records, by parameter name; other parameters get an input that validates where one is known. */
export function argumentsFor(action: DiscoveredAction, victim: Victim): unknown[] {
  return action.params.map((param) => {
    if (/eventId$/i.test(param)) return victim.event.id;
    if (/integrationId$/i.test(param)) return victim.integration.id;
    if (/userId$/i.test(param)) return victim.member.id;
    if (param === "step") return "behaviour";
    if (param === "role") return "admin";
    if (param === "locale") return "en";
    if (param === "token") return randomBytes(24).toString("base64url");
    return INPUTS[action.name]?.(victim) ?? {};
  });
}

/** Whether an action aims at records by id (otherwise it acts on the caller's own account). */
export function targetsRecords(action: DiscoveredAction): boolean {
  return action.params.some((param) => /(eventId|integrationId|userId)$/i.test(param));
}

export const REFUSALS = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"];

export function refusalOf(result: unknown): string | null {
  if (!result || typeof result !== "object" || !("ok" in result) || result.ok !== false) return null;
  const code = (result as { code?: string }).code ?? "";
  return REFUSALS.includes(code) ? code : null;
}
