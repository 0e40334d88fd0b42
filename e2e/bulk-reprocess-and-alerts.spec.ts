import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { clearIntegrationFlag, flagIntegration } from "@/lib/alerts/start-alerts";
import { createUser } from "@/lib/accounts/users";
import { seedAccount, signIn, signOut } from "./helpers/accounts";
import { seedSandboxConnection } from "./helpers/connections";

/** An account with two integrations: one whose chats failed for good, one that will be flagged. */
async function seed() {
  const { account, email } = await seedAccount("Lote");
  const connection = await seedSandboxConnection(account.id);
  const batchIntegration = await systemDb.integration.create({
    data: { accountId: account.id, name: "Jivo – lote", status: "active", connectionId: connection.id },
  });
  const alertIntegration = await systemDb.integration.create({
    data: { accountId: account.id, name: "Jivo – alertas", status: "active", connectionId: connection.id },
  });
  const failed = await Promise.all(
    ["Ana Falhou", "Bruno Falhou", "Carla Falhou"].map((visitorName, i) =>
      systemDb.webhookEvent.create({
        data: {
          accountId: account.id,
          integrationId: batchIntegration.id,
          eventName: "chat_finished",
          chatId: `chat-lote-${i}`,
          dedupeKey: randomUUID(),
          rawPayload: '{"event_name":"chat_finished"}',
          visitorName,
          status: "failed",
          statusReason: "O Ploomes recusou a chave da API (401)",
          receivedAt: new Date(Date.now() - (10 + i) * 60_000),
          processedAt: new Date(Date.now() - (9 + i) * 60_000),
          job: { create: { chatKey: randomUUID(), status: "failed", attempts: 1, lastError: "401" } },
        },
      }),
    ),
  );
  return { account, email, batchIntegration, alertIntegration, failed };
}

test("bulk reprocess of failed events with progress, and the Alertas page without SMTP", async ({ page }) => {
  const seeded = await seed();
  await signIn(page, seeded.email);
  await page.goto("/events?status=failed");
  const row = (id: string) => page.getByTestId(`event-row-${id}`);
  await expect(row(seeded.failed[0]!.id)).toContainText("Falhou definitivamente");

  // Two ticked by hand.
  await page.getByRole("checkbox", { name: "Selecionar o evento de Ana Falhou" }).check();
  await page.getByRole("checkbox", { name: "Selecionar o evento de Bruno Falhou" }).check();
  await page.getByRole("button", { name: "Reprocessar 2 selecionados" }).click();
  await expect(page.getByText("2 eventos serão reprocessados.")).toBeVisible();
  const panel = page.getByRole("region", { name: "Reprocessamentos em lote" });
  await expect(panel).toContainText("Concluído");
  await expect(panel).toContainText("2 de 2 · 2 na fila · 0 ignorados");
  await expect(panel.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  const batches = await systemDb.reprocessBatch.findMany({ where: { accountId: seeded.account.id } });
  expect(batches.map((batch) => [batch.status, batch.requeued])).toEqual([["done", 2]]);
  const carla = await systemDb.job.findUniqueOrThrow({ where: { eventId: seeded.failed[2]!.id } });
  expect(carla).toMatchObject({ status: "failed", lastError: "401" });

  // Every failure a filter matches (on every page): the search narrows it to Carla.
  await page.goto("/events?q=Carla");
  await page.getByRole("button", { name: "Reprocessar a falha deste filtro" }).click();
  await expect(page.getByText("1 evento será reprocessado.")).toBeVisible();
  await expect
    .poll(
      async () =>
        (await systemDb.reprocessBatch.findMany({ where: { accountId: seeded.account.id, status: "done" } })).length,
    )
    .toBe(2);
  expect((await systemDb.job.findUniqueOrThrow({ where: { eventId: seeded.failed[2]!.id } })).lastError).not.toBe(
    "401",
  );

  // Alerts: the worker flags an integration; with no SMTP configured the message waits on the Alertas page.
  await flagIntegration(
    seeded.alertIntegration.id,
    "O Ploomes recusou a chave da API (401). Gere uma nova chave e reconecte.",
  );
  await expect
    .poll(() =>
      systemDb.alertMessage.count({
        where: { accountId: seeded.account.id, incident: { integrationId: seeded.alertIntegration.id } },
      }),
    )
    .toBe(1);
  await page.getByRole("link", { name: "Alertas" }).click();
  await expect(page.getByRole("heading", { name: "Alertas", level: 1 })).toBeVisible();
  await expect(page.getByText("Nenhum servidor de e-mail configurado (SMTP_URL)")).toBeVisible();
  const incident = page.getByTestId("open-incident").filter({ hasText: "Jivo – alertas" });
  await expect(incident).toContainText("Integração sinalizada");
  await expect(incident).toContainText("O Ploomes recusou a chave da API (401)");
  await expect(incident.getByRole("link", { name: "Ver as falhas no registro de eventos" })).toHaveAttribute(
    "href",
    `/events?integration=${seeded.alertIntegration.id}&status=failed`,
  );
  const opened = page.getByTestId("alert-message").filter({ hasText: "Jivo – alertas" });
  await expect(opened).toHaveCount(1);
  await expect(opened).toContainText("Problema");
  await expect(opened).toContainText("Só nesta página (sem SMTP)");
  await expect(opened).toContainText(`Para: ${seeded.email}`);

  // Recovered: one more message, and nothing open for it any more.
  await clearIntegrationFlag(seeded.alertIntegration.id);
  await evaluateAlerts({ integrationId: seeded.alertIntegration.id });
  await page.reload();
  const messages = page.getByTestId("alert-message").filter({ hasText: "Jivo – alertas" });
  await expect(messages).toHaveCount(2);
  await expect(messages.first()).toContainText("Resolvido");
  await expect(page.getByTestId("open-incident").filter({ hasText: "Jivo – alertas" })).toHaveCount(0);

  // In English too.
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(messages.first()).toContainText("Resolved");
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.getByRole("heading", { name: "Alertas", level: 1 })).toBeVisible();

  // A member sees the log without the bulk controls.
  const memberEmail = `membro-${randomBytes(4).toString("hex")}@example.com`;
  await createUser(scopedDb(seeded.account.id), {
    name: "Membro",
    email: memberEmail,
    role: "member",
    password: "senha-do-membro-1",
  });
  await signOut(page);
  await signIn(page, memberEmail, "senha-do-membro-1");
  await page.goto("/events");
  await expect(page.getByTestId(`event-row-${seeded.failed[0]!.id}`)).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByTestId("bulk-reprocess")).toHaveCount(0);
});
