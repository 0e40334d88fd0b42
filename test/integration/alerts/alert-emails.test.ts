import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipients, startSmtpInbox, type SmtpInbox } from "../../helpers/smtp-inbox";

// The app reads SMTP_URL once, when lib/env is first imported: the inbox starts first, then every app module is
// imported with SMTP_URL pointing at it (each test file has its own module registry).
let inbox: SmtpInbox;
let app: {
  systemDb: typeof import("@/lib/db/client").systemDb;
  scopedDb: typeof import("@/lib/db/scoped-db").scopedDb;
  createUser: typeof import("@/lib/accounts/users").createUser;
  evaluateAlerts: typeof import("@/lib/alerts/evaluate-alerts").evaluateAlerts;
  deliverPendingAlerts: typeof import("@/lib/alerts/deliver-alerts").deliverPendingAlerts;
  appUrl: typeof import("@/lib/env").appUrl;
  server: import("../../helpers/test-server").TestServer;
  sandbox: typeof import("../../helpers/sandbox-integration");
  seed: typeof import("../../helpers/seed");
};

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
  process.env.ALERT_EMAIL_FROM = "Hub de testes <alertas@hub.example>";
  const [
    { systemDb },
    { scopedDb },
    { createUser },
    { evaluateAlerts },
    { deliverPendingAlerts },
    { appUrl },
    { startTestServer },
    sandbox,
    seed,
  ] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/db/scoped-db"),
    import("@/lib/accounts/users"),
    import("@/lib/alerts/evaluate-alerts"),
    import("@/lib/alerts/deliver-alerts"),
    import("@/lib/env"),
    import("../../helpers/test-server"),
    import("../../helpers/sandbox-integration"),
    import("../../helpers/seed"),
  ]);
  app = {
    systemDb,
    scopedDb,
    createUser,
    evaluateAlerts,
    deliverPendingAlerts,
    appUrl,
    server: await startTestServer(),
    sandbox,
    seed,
  };
});
afterAll(async () => {
  await app?.server.close();
  await inbox?.close();
});

function chat(i: number) {
  const base = JSON.parse(app.sandbox.fixture("chat_finished_br"));
  return JSON.stringify({
    ...base,
    chat_id: 930000 + i,
    visitor: { ...base.visitor, email: `alerta${i}@exemplo.com.br`, name: `Visitante ${i}` },
  });
}

describe("alert e-mails through SMTP", () => {
  it("a refused key e-mails every admin once, with what failed and the log link, and once more when it recovers", async () => {
    const { systemDb, sandbox } = app;
    const setup = await sandbox.setupSandboxIntegration(app.server.url, { behaviour: "lead" });
    const db = app.scopedDb(setup.account.id);
    const firstAdmin = await systemDb.user.findFirstOrThrow({ where: { accountId: setup.account.id } });
    await app.createUser(db, {
      name: "Segunda Admin",
      email: `segunda-${setup.account.id}@example.com`,
      role: "admin",
      password: "senha-segura-123",
    });
    await app.createUser(db, {
      name: "Membro",
      email: `membro-${setup.account.id}@example.com`,
      role: "member",
      password: "senha-segura-123",
    });
    const mine = firstAdmin.email;
    // Other test files' integrations (failed chats of their own) are not this test's to alert on.
    const only = { integrationId: setup.integration.id };

    const tenant = await systemDb.sandboxTenant.findUniqueOrThrow({ where: { id: setup.tenantId } });
    await systemDb.sandboxTenant.update({
      where: { id: setup.tenantId },
      data: { apiKeyHash: `rotated-${setup.tenantId}` },
    });
    await sandbox.deliver(setup.webhookUrl, chat(1));
    await sandbox.drain([setup.integration.id]);
    // The worker flagged the integration: the alert leaves at once, without waiting for the periodic evaluation.
    const [opened] = await inbox.waitFor(1, mine);
    expect(recipients(opened!).sort()).toEqual([firstAdmin.email, `segunda-${setup.account.id}@example.com`].sort());
    expect(opened!.from?.text).toContain("alertas@hub.example");
    expect(opened!.subject).toBe(`[Alerta] ${setup.integration.name}: parou de gravar no Ploomes`);
    expect(opened!.text).toContain("O que falhou: O Ploomes recusou a chave da API (401)");
    expect(opened!.text).toContain(`${app.appUrl()}/events?integration=${setup.integration.id}&status=failed`);
    expect(opened!.text).not.toContain(setup.apiKey);

    // The same incident goes on: more refused chats and evaluations by two workers send nothing more.
    for (const i of [2, 3]) await sandbox.deliver(setup.webhookUrl, chat(i));
    await sandbox.drain([setup.integration.id]);
    await Promise.all([app.evaluateAlerts(only), app.evaluateAlerts(only)]);
    await Promise.all([app.deliverPendingAlerts(), app.deliverPendingAlerts()]);
    expect(inbox.to(mine).length).toBe(1);

    // The key is back and a chat goes through: the flag clears, the next evaluation resolves and says so.
    await systemDb.sandboxTenant.update({ where: { id: setup.tenantId }, data: { apiKeyHash: tenant.apiKeyHash } });
    await sandbox.deliver(setup.webhookUrl, chat(4));
    await sandbox.drain([setup.integration.id]);
    expect(
      (await systemDb.integration.findUniqueOrThrow({ where: { id: setup.integration.id } })).flaggedReason,
    ).toBeNull();
    await Promise.all([app.evaluateAlerts(only), app.evaluateAlerts(only)]);
    await app.deliverPendingAlerts();
    const [resolved] = (await inbox.waitFor(2, mine)).slice(1);
    expect(resolved!.subject).toMatch(/^\[Resolvido\] /);
    expect(resolved!.text).toContain("O que falhava: O Ploomes recusou a chave da API (401)");
    expect(recipients(resolved!)).toHaveLength(2);
    await Promise.all([app.evaluateAlerts(only), app.deliverPendingAlerts()]);
    expect(inbox.to(mine).length).toBe(2);

    const messages = await systemDb.alertMessage.findMany({
      where: { accountId: setup.account.id },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((message) => [message.type, message.delivery])).toEqual([
      ["opened", "sent"],
      ["resolved", "sent"],
    ]);
    const incidents = await systemDb.alertIncident.findMany({ where: { integrationId: setup.integration.id } });
    expect(incidents.map((incident) => [incident.kind, incident.openKey, incident.resolvedAt !== null])).toEqual([
      ["flagged", null, true],
    ]);
  }, 120_000);

  it("a failure rate over the threshold and silence beyond the window each alert once and recover", async () => {
    const { systemDb, seed } = app;
    const account = await seed.seedAccount("alert-rate");
    const activatedAt = new Date(Date.now() - 30 * 3_600_000);
    const { integration } = await seed.seedIntegration({
      accountId: account.id,
      settings: { behaviour: "lead", silenceAlertHours: 24 },
    });
    await systemDb.integration.update({ where: { id: integration.id }, data: { activatedAt, lastEventAt: null } });
    const now = new Date();
    const event = (status: string, n: number) =>
      systemDb.webhookEvent.create({
        data: {
          accountId: account.id,
          integrationId: integration.id,
          eventName: "chat_finished",
          dedupeKey: `${status}-${n}`,
          status,
          receivedAt: new Date(now.getTime() - 10 * 60_000),
        },
      });
    for (let n = 0; n < 3; n++) await event("failed", n);
    await event("done", 0);
    const mine = (await systemDb.user.findFirstOrThrow({ where: { accountId: account.id } })).email;

    const thresholds = { failureRate: 0.5, minFailures: 3 };
    expect(await app.evaluateAlerts({ now, thresholds, integrationId: integration.id })).toEqual({
      opened: 2,
      resolved: 0,
    });
    expect(await app.evaluateAlerts({ now, thresholds, integrationId: integration.id })).toEqual({
      opened: 0,
      resolved: 0,
    });
    await app.deliverPendingAlerts({ now });
    const mails = await inbox.waitFor(2, mine);
    const bySubject = (text: string) => mails.find((mail) => mail.subject?.includes(text));
    expect(bySubject("muitos eventos com falha")!.text).toContain(
      "3 de 4 eventos processados na última hora falharam (limite: 50 %)",
    );
    expect(bySubject("nenhum evento do JivoChat")!.text).toContain("Nenhum evento do JivoChat há mais de 24 h");

    // An hour later the failures are out of the window, and a chat arrived: both incidents resolve.
    const later = new Date(now.getTime() + 61 * 60_000);
    await systemDb.integration.update({ where: { id: integration.id }, data: { lastEventAt: later } });
    expect(await app.evaluateAlerts({ now: later, thresholds, integrationId: integration.id })).toEqual({
      opened: 0,
      resolved: 2,
    });
    await app.deliverPendingAlerts({ now: later });
    const resolved = (await inbox.waitFor(4, mine)).slice(2);
    expect(resolved.map((mail) => mail.subject?.slice(0, 11)).sort()).toEqual(["[Resolvido]", "[Resolvido]"]);
  });

  it("a mail server refusing for a while: the message is retried later and delivered once", async () => {
    const { systemDb, seed } = app;
    const account = await seed.seedAccount("alert-retry");
    const { integration } = await seed.seedIntegration({ accountId: account.id });
    await systemDb.integration.update({
      where: { id: integration.id },
      data: { flaggedReason: "O estágio configurado (#9) não existe mais." },
    });
    const mine = (await systemDb.user.findFirstOrThrow({ where: { accountId: account.id } })).email;
    // Jobs other test files left queued may have flagged their integrations during this file's drains: their
    // alerts go out first, so that the refusal below meets this test's message.
    while ((await app.deliverPendingAlerts()).sent > 0);
    inbox.refuseNext(1);
    const now = new Date();
    await app.evaluateAlerts({ now, integrationId: integration.id });
    expect(await app.deliverPendingAlerts({ now })).toEqual({ sent: 0, failed: 1 });
    const waiting = await systemDb.alertMessage.findFirstOrThrow({ where: { accountId: account.id } });
    expect(waiting).toMatchObject({ delivery: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/451/);
    expect(waiting.lastError).not.toContain("s3nha-do-smtp");
    // Not due yet: nothing is sent before the retry's time.
    expect(await app.deliverPendingAlerts({ now })).toEqual({ sent: 0, failed: 0 });

    const due = new Date(waiting.nextAttemptAt!.getTime() + 1);
    const results = await Promise.all([app.deliverPendingAlerts({ now: due }), app.deliverPendingAlerts({ now: due })]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    await inbox.waitFor(1, mine);
    expect(inbox.to(mine).length).toBe(1);
    expect(await systemDb.alertMessage.findFirstOrThrow({ where: { accountId: account.id } })).toMatchObject({
      delivery: "sent",
      attempts: 2,
    });
  });

  it("a wrong SMTP password is an error kept on the message, without the password", async () => {
    const { systemDb, seed } = app;
    const account = await seed.seedAccount("alert-auth");
    const { integration } = await seed.seedIntegration({ accountId: account.id });
    await systemDb.integration.update({ where: { id: integration.id }, data: { flaggedReason: "Chave recusada." } });
    while ((await app.deliverPendingAlerts()).sent > 0);
    await app.evaluateAlerts({ integrationId: integration.id });
    const wrong = inbox.url.replace("s3nha-do-smtp", "senha-errada-xyz");
    expect(await app.deliverPendingAlerts({ smtpUrl: wrong })).toMatchObject({ failed: 1 });
    const message = await systemDb.alertMessage.findFirstOrThrow({ where: { accountId: account.id } });
    expect(message.delivery).toBe("pending");
    expect(message.lastError).toMatch(/535|Invalid/);
    expect(message.lastError).not.toContain("senha-errada-xyz");
  });
});
