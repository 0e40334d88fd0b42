import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { createUser } from "@/lib/accounts/users";
import { seedAccount, signIn, signOut } from "./helpers/accounts";
import { seedSandboxConnection } from "./helpers/connections";

const SCRIPT_NAME = "<script>alert(1)</script>";
const SEEDED_ERROR = "500 do Ploomes (semeado)";

/** An account with a sandbox-connected integration and one event of every kind the log must show. */
async function seedLog() {
  const { account, email } = await seedAccount("Eventos");
  const connection = await seedSandboxConnection(account.id);
  const integration = await systemDb.integration.create({
    data: {
      accountId: account.id,
      name: "Jivo – loja",
      status: "active",
      connectionId: connection.id,
      flaggedReason: "O Ploomes recusou a chave da API (401).",
    },
  });
  const base = {
    accountId: account.id,
    integrationId: integration.id,
    widgetId: "wdg-e2e",
    rawPayload: '{"event_name":"chat_finished"}',
  };
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  const done = await systemDb.webhookEvent.create({
    data: {
      ...base,
      eventName: "chat_finished",
      chatId: "chat-done",
      dedupeKey: randomUUID(),
      visitorName: "Mariana Conceição",
      visitorEmail: "mariana@acme.example",
      status: "done",
      deliveries: 3,
      receivedAt: minutesAgo(30),
      processedAt: minutesAgo(29),
      outcome: JSON.stringify({ person: { id: 12, how: "email", companyId: null, attempt: 1 }, deal: { id: 40 } }),
      plan: JSON.stringify([
        {
          step: "findPerson",
          attempt: 1,
          at: minutesAgo(29).toISOString(),
          result: { person: { id: 12, how: "email", companyId: null, attempt: 1 } },
        },
      ]),
    },
  });
  const failed = await systemDb.webhookEvent.create({
    data: {
      ...base,
      eventName: "chat_finished",
      chatId: "chat-failed",
      dedupeKey: randomUUID(),
      visitorName: "João Falhou",
      status: "failed",
      statusReason: SEEDED_ERROR,
      receivedAt: minutesAgo(20),
      processedAt: minutesAgo(19),
      job: { create: { chatKey: randomUUID(), status: "failed", attempts: 1, lastError: SEEDED_ERROR } },
      calls: {
        create: [
          {
            method: "GET",
            path: "/Contacts?$filter=Email eq 'joao@x.example'",
            status: 200,
            durationMs: 84,
            attempt: 1,
          },
          { method: "POST", path: "/Deals", status: 500, durationMs: 312, error: "Internal Server Error", attempt: 1 },
        ],
      },
    },
  });
  const script = await systemDb.webhookEvent.create({
    data: {
      ...base,
      eventName: "chat_finished",
      chatId: "chat-xss",
      dedupeKey: randomUUID(),
      visitorName: SCRIPT_NAME,
      status: "ignored",
      receivedAt: minutesAgo(10),
    },
  });
  // Due in an hour, so the server's worker leaves it alone while the test looks at it.
  const retrying = await systemDb.webhookEvent.create({
    data: {
      ...base,
      eventName: "offline_message",
      chatId: "chat-retry",
      dedupeKey: randomUUID(),
      visitorName: "Rita Depois",
      status: "retrying",
      receivedAt: minutesAgo(5),
      job: {
        create: {
          chatKey: randomUUID(),
          status: "queued",
          attempts: 1,
          runAt: new Date(Date.now() + 60 * 60_000),
          lastError: "429",
        },
      },
    },
  });
  return { account, email, integration, done, failed, script, retrying };
}

function collectDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

test("the event log lists, filters and details events; only admins reprocess", async ({ page }) => {
  const seeded = await seedLog();
  const dialogs = collectDialogs(page);
  await signIn(page, seeded.email);
  await page.getByRole("link", { name: "Registro de eventos" }).click();
  await expect(page.getByRole("heading", { name: "Registro de eventos" })).toBeVisible();

  // The table: badges, duplicate deliveries, record links to the sandbox, the flagged integration banner.
  const row = (id: string) => page.getByTestId(`event-row-${id}`);
  await expect(row(seeded.done.id)).toContainText("Concluído");
  await expect(row(seeded.done.id)).toContainText("+2 entregas repetidas");
  await expect(row(seeded.done.id)).toContainText("Chat finalizado");
  await expect(row(seeded.done.id).getByRole("link", { name: "Pessoa #12 reutilizada" })).toHaveAttribute(
    "href",
    "/sandbox?record=12#sandbox-contacts-12",
  );
  await expect(row(seeded.done.id).getByRole("link", { name: "Negócio #40 criado" })).toHaveAttribute(
    "href",
    "/sandbox?record=40#sandbox-deals-40",
  );
  await expect(row(seeded.failed.id)).toContainText("Falhou definitivamente");
  await expect(row(seeded.retrying.id)).toContainText(/Falhou — tentará de novo às \d{2}:\d{2}/);
  await expect(row(seeded.retrying.id)).toContainText("Mensagem offline");
  await expect(row(seeded.script.id)).toContainText("Ignorado");
  await expect(row(seeded.script.id)).toContainText(SCRIPT_NAME);
  await expect(page.getByRole("status").filter({ hasText: "precisa de atenção" })).toContainText("Jivo – loja");
  await expect(page.getByRole("link", { name: "Abrir integrações" })).toHaveAttribute("href", "/integrations");
  await expect(page.getByTestId("events-total")).toHaveText("Mostrando 1–4 de 4 eventos");

  // The status filter narrows the rows through the URL.
  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/\/events\?status=failed$/);
  await expect(row(seeded.failed.id)).toBeVisible();
  await expect(row(seeded.done.id)).toHaveCount(0);
  await expect(page.getByTestId("events-total")).toHaveText("Mostrando 1–1 de 1 eventos");
  // Search, straight from a URL.
  await page.goto("/events?q=mariana");
  await expect(row(seeded.done.id)).toBeVisible();
  await expect(row(seeded.failed.id)).toHaveCount(0);

  // The detail of the failed event: its Ploomes calls, attempts and the payload.
  await page.goto("/events?status=failed");
  await row(seeded.failed.id).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/events/${seeded.failed.id}$`));
  const calls = page.getByTestId("ploomes-calls");
  await expect(calls).toContainText("POST /Deals");
  await expect(calls).toContainText("500");
  await expect(calls).toContainText("312 ms");
  await expect(calls).toContainText("Internal Server Error");
  await expect(page.getByTestId("event-payload")).toContainText('"event_name": "chat_finished"');

  // Reprocess as admin: the job goes back to the queue (its seeded error is cleared, whatever the worker does next).
  let action: { url: string; id: string } | null = null;
  page.on("request", (request) => {
    const id = request.headers()["next-action"];
    if (request.method() === "POST" && id) action = { url: request.url(), id };
  });
  await page.getByRole("button", { name: "Reprocessar" }).click();
  await expect(page.getByText("Evento recolocado na fila.")).toBeVisible();
  await expect
    .poll(async () => (await systemDb.job.findUnique({ where: { eventId: seeded.failed.id } }))?.lastError)
    .not.toBe(SEEDED_ERROR);
  expect(action).not.toBeNull();

  // A visitor name with a script is text, on the detail page too.
  await page.goto(`/events/${seeded.script.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SCRIPT_NAME);

  // A member sees the log but no Reprocessar, and the server refuses the action if called anyway.
  const memberEmail = `membro-${randomBytes(4).toString("hex")}@example.com`;
  await createUser(scopedDb(seeded.account.id), {
    name: "Membro",
    email: memberEmail,
    role: "member",
    password: "senha-do-membro-1",
  });
  await signOut(page);
  await signIn(page, memberEmail, "senha-do-membro-1");
  await page.goto(`/events/${seeded.done.id}`);
  await expect(page.getByRole("heading", { name: /Chat finalizado — Mariana Conceição/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reprocessar" })).toHaveCount(0);
  const captured = action as unknown as { url: string; id: string };
  const answer = await page.evaluate(
    async ({ url, id, eventId }) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([eventId]),
      });
      return response.text();
    },
    { url: captured.url, id: captured.id, eventId: seeded.done.id },
  );
  expect(answer).toContain("FORBIDDEN");
  expect(await systemDb.job.count({ where: { eventId: seeded.done.id } })).toBe(0);
  expect((await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: seeded.done.id } })).status).toBe("done");

  expect(dialogs).toEqual([]);
});

test("another account's event is not found", async ({ page }) => {
  const other = await seedLog();
  const { email } = await seedAccount("Outra");
  await signIn(page, email);
  const response = await page.goto(`/events/${other.done.id}`);
  expect(response?.status()).toBe(404);
  await page.goto("/events");
  await expect(page.getByTestId(`event-row-${other.done.id}`)).toHaveCount(0);
  await expect(page.getByText("Nenhum evento ainda.")).toBeVisible();
});
