import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { activateIntegration, createIntegration } from "@/lib/integrations/lifecycle";
import { connectSandbox } from "@/lib/integrations/connect-sandbox";
import { saveIntegrationSettings } from "@/lib/integrations/settings";
import { SANDBOX_API_PATH, seedFieldKey } from "@/lib/ploomes-sandbox";
import { createUser } from "@/lib/accounts/users";
import { PASSWORD, seedAccount, signIn, signOut } from "./helpers/accounts";

const chat = JSON.parse(fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8")) as Record<string, unknown>;
const baseUrl = process.env.E2E_BASE_URL ?? "http://localhost:3000";

function integrationIdFrom(page: Page): string {
  const match = /\/integrations\/jivo\/([^/]+)\//.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not on a wizard page: ${page.url()}`);
  return match[1]!;
}

async function storedSettings(id: string) {
  const row = await systemDb.integration.findUniqueOrThrow({ where: { id } });
  return { ...row, parsed: JSON.parse(row.settings) as Record<string, unknown> };
}

/** A draft of the account, connected to a fresh sandbox tenant through the running app, with a lead behaviour. */
async function seedReadyDraft(accountId: string) {
  const db = scopedDb(accountId);
  const { id } = await createIntegration(db, accountId);
  await connectSandbox(db, id, { sandboxUrl: `${baseUrl}${SANDBOX_API_PATH}` });
  await saveIntegrationSettings(db, id, "behaviour", { behaviour: "lead", offlineBehaviour: "same" });
  return id;
}

test("an admin enables Jivo with the sandbox, maps a custom field, activates and receives a JivoChat event", async ({
  page,
  request,
}) => {
  const { email } = await seedAccount("Wizard");
  await signIn(page, email);

  // Catálogo: the search filters the cards.
  await expect(page.getByRole("heading", { name: "Integrações Plug and Play" })).toBeVisible();
  const search = page.getByLabel("Buscar integrações");
  await search.fill("pipedrive");
  await expect(page.getByTestId("connector-jivo")).toHaveCount(0);
  await expect(page.getByText("Nenhuma integração encontrada para “pipedrive”.")).toBeVisible();
  await search.fill("Jivo");
  await expect(page.getByTestId("connector-jivo")).toContainText("Não habilitada");
  await page.getByTestId("connector-jivo").click();

  await page.getByRole("button", { name: "Habilitar integração" }).click();
  await expect(page).toHaveURL(/\/integrations\/jivo\/[^/]+\/connection$/);
  const id = integrationIdFrom(page);

  // 1. Conexão: one click on the sandbox; afterwards only the masked key and the account name show.
  await expect(page.getByText("Administração → Usuários Integração")).toBeVisible();
  await page.getByRole("button", { name: "Usar o sandbox" }).click();
  await expect(page.getByText(/Conectado à conta/)).toBeVisible();
  await expect(page.getByTestId("api-key-masked")).toHaveText(/^••••.{4}$/);
  await expect(page.getByRole("button", { name: "Trocar chave" })).toBeVisible();
  const connection = await systemDb.ploomesConnection.findFirstOrThrow({ where: { integrations: { some: { id } } } });
  expect(connection.isSandbox).toBe(true);
  expect(await page.content()).not.toContain(connection.apiKeyCipher);
  await page.getByRole("link", { name: "Continuar" }).click();

  // 2. Comportamento: every card can be chosen.
  await expect(page).toHaveURL(/\/behaviour$/);
  await expect(page.getByTestId("wizard-step-connection")).toHaveAttribute("data-completed", "true");
  for (const title of [
    "Criar Lead",
    "Criar Pessoa e Negócio",
    "Criar só Empresa e Pessoa",
    "Criar Empresa, Pessoa e Negócio",
  ]) {
    const radio = page.getByRole("radio", { name: new RegExp(`^${title}`) });
    await radio.check();
    await expect(radio).toBeChecked();
  }
  await page.getByRole("radio", { name: /^Usar o mesmo comportamento/ }).check();
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  // 3. Funil e estágio: a missing stage is reported in place and nothing is saved.
  await expect(page).toHaveURL(/\/funnel$/);
  await page.getByLabel("Funil", { exact: true }).selectOption({ label: "Funil de Vendas" });
  await page.getByRole("button", { name: "Salvar e continuar" }).click();
  await expect(page.getByText("Escolha o estágio em que o negócio começa.")).toBeVisible();
  await expect(page.getByLabel("Estágio", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect((await storedSettings(id)).parsed.stageId).toBeNull();
  await page.getByLabel("Estágio", { exact: true }).selectOption({ label: "Prospecção" });
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  // 4. Mapeamento: defaults are there; a custom Cliente field receives the UTM campaign.
  await expect(page).toHaveURL(/\/mapping$/);
  await expect(page.getByLabel("Campo do JivoChat, linha 1")).toHaveValue("visitor.name");
  const rows = await page.getByTestId(/^mapping-row-/).count();
  await page.getByRole("button", { name: "Adicionar campo" }).click();
  const row = rows + 1;
  await page.getByLabel(`Campo do JivoChat, linha ${row}`).selectOption("session.utm.campaign");
  // A value that cannot convert is flagged on its row straight away.
  await page.getByLabel(`Campo do JivoChat, linha ${row}`).selectOption("visitor.email");
  await page
    .getByLabel(`Campo do Ploomes, linha ${row}`)
    .selectOption(`person|custom:${seedFieldKey(1, "Número de funcionários")}`);
  await expect(page.getByTestId(`mapping-row-${row - 1}`)).toContainText("não pode ser gravado neste tipo de campo");
  await page.getByLabel(`Campo do JivoChat, linha ${row}`).selectOption("session.utm.campaign");
  await page
    .getByLabel(`Campo do Ploomes, linha ${row}`)
    .selectOption(`person|custom:${seedFieldKey(1, "Origem da campanha")}`);
  await expect(page.getByTestId(`mapping-row-${row - 1}`)).not.toContainText("não pode ser gravado");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  // 5. Canais: optional.
  await expect(page).toHaveURL(/\/channels$/);
  await expect(page.getByTestId("channel-scope")).toContainText("Todos os canais");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  // 6. Ativar: summary, activation, the URL shown once with Copiar.
  await expect(page).toHaveURL(/\/activate$/);
  await expect(page.getByTestId("summary-funnel")).toHaveText("Funil de Vendas › Prospecção");
  // Calls (call_event) are recorded by default: the summary says so.
  await expect(page.getByTestId("summary-calls")).toHaveText("Registrar as ligações: Sim");
  await expect(page.getByTestId("summary-mappings")).toContainText(
    "Campanha (utm_campaign) → Cliente – Pessoa: Origem da campanha",
  );
  await page.getByRole("button", { name: "Ativar integração" }).click();
  const urlInput = page.getByLabel("URL para Webhooks");
  await expect(urlInput).toHaveValue(/\/api\/webhooks\/jivo\/[A-Za-z0-9_-]{32}$/);
  await page.getByRole("button", { name: "Copiar" }).click();
  await expect(page.getByText("Copiado!")).toBeVisible();
  const webhookUrl = await urlInput.inputValue();
  await expect(page.getByText("Configurações de integração para os desenvolvedores", { exact: false })).toBeVisible();

  const stored = await storedSettings(id);
  expect(stored.status).toBe("active");
  expect(stored.parsed.mappings).toContainEqual({
    source: "session.utm.campaign",
    entity: "person",
    field: `custom:${seedFieldKey(1, "Origem da campanha")}`,
  });

  const delivered = await request.post(webhookUrl, { data: chat });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toEqual({ result: "ok" });
  expect(await systemDb.webhookEvent.count({ where: { integrationId: id } })).toBe(1);

  // The in-process worker records the chat in the sandbox: the log row turns "Concluído", the detail shows the
  // Ploomes calls, and the sandbox page shows the person with the mapped custom value.
  const event = await systemDb.webhookEvent.findFirstOrThrow({ where: { integrationId: id } });
  await page.goto("/events");
  const logRow = page.getByTestId(`event-row-${event.id}`);
  await expect(logRow).toContainText("Concluído", { timeout: 30_000 });
  await expect(logRow).toContainText("Mariana Conceição");
  await logRow.getByRole("link").first().click();
  const calls = page.getByTestId("ploomes-calls");
  await expect(calls).toContainText("POST /Contacts");
  await expect(calls).toContainText("POST /Deals");
  await expect(calls).toContainText("POST /InteractionRecords");
  const processed = await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
  const personId = JSON.parse(processed.outcome).person.id as number;
  await page.goto(`/sandbox?record=${personId}#sandbox-contacts-${personId}`);
  const personRow = page.locator(`#sandbox-contacts-${personId}`);
  await expect(personRow).toContainText("Mariana Conceição");
  await expect(personRow).toContainText("Origem da campanha");
  await expect(personRow).toContainText("black_friday");
  await page.goto(`/integrations/jivo/${id}/activate`);

  // "Gerar nova URL": confirmed in a dialog; the old URL answers 404 from then on.
  await page.getByRole("button", { name: "Gerar nova URL" }).click();
  const dialog = page.getByRole("dialog", { name: "Gerar uma nova URL?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Gerar nova URL" }).click();
  await expect(urlInput).not.toHaveValue(webhookUrl);
  const newUrl = await urlInput.inputValue();
  expect((await request.post(webhookUrl, { data: chat })).status()).toBe(404);
  const again = await request.post(newUrl, { data: { ...chat, chat_id: 918273646 } });
  expect(again.status()).toBe(200);

  // Leaving and coming back: an admin can still copy the current URL, and the catalogue says "Ativa".
  await page.reload();
  await expect(page.getByLabel("URL para Webhooks")).toHaveValue(newUrl);
  await page.goto("/integrations");
  await expect(page.getByTestId("connector-jivo")).toContainText("Ativa");
});

test("a draft connected with 'Usar o sandbox' is discarded with that sandbox; a live integration offers no discard", async ({
  page,
}) => {
  const { account, email } = await seedAccount("Descarte");
  await signIn(page, email);
  await page.goto("/integrations/jivo");
  await page.getByRole("button", { name: "Habilitar integração" }).click();
  await expect(page).toHaveURL(/\/connection$/);
  const id = integrationIdFrom(page);
  await page.getByRole("button", { name: "Usar o sandbox" }).click();
  await expect(page.getByText(/Conectado à conta/)).toBeVisible();
  const tenants = await systemDb.sandboxTenant.findMany({ where: { accountId: account.id } });
  expect(tenants).toHaveLength(1);

  await page.getByRole("button", { name: "Descartar rascunho" }).click();
  const dialog = page.getByRole("dialog", { name: "Descartar o rascunho “JivoChat”?" });
  await expect(dialog).toContainText("O sandbox criado para ele também é apagado");
  // Cancel first: nothing happens.
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(dialog).toBeHidden();
  expect(await systemDb.integration.count({ where: { id } })).toBe(1);
  await page.getByRole("button", { name: "Descartar rascunho" }).click();
  await dialog.getByRole("button", { name: "Descartar" }).click();
  await expect(page).toHaveURL(/\/integrations\/jivo$/);
  await expect(page.getByText("Nenhuma integração Jivo ainda.", { exact: false })).toBeVisible();
  expect(await systemDb.integration.count({ where: { accountId: account.id } })).toBe(0);
  expect(await systemDb.sandboxTenant.count({ where: { accountId: account.id } })).toBe(0);
  expect(await systemDb.sandboxRecord.count({ where: { tenantId: tenants[0]!.id } })).toBe(0);

  // A live integration has no discard: it is deactivated, and its log stays.
  const live = await seedReadyDraft(account.id);
  await activateIntegration(scopedDb(account.id), live);
  await page.goto(`/integrations/jivo/${live}/activate`);
  await expect(page.getByRole("button", { name: "Desativar" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Descartar rascunho" })).toHaveCount(0);
});

test("a Lead integration chooses its default owner on the behaviour step; the lead is created with it", async ({
  page,
  request,
}) => {
  const { account, email } = await seedAccount("Responsável");
  const db = scopedDb(account.id);
  const { id } = await createIntegration(db, account.id);
  await connectSandbox(db, id, { sandboxUrl: `${baseUrl}${SANDBOX_API_PATH}` });
  await signIn(page, email);

  // The funnel step is skipped for leads: the owner is chosen here, from the Ploomes users loaded live.
  await page.goto(`/integrations/jivo/${id}/behaviour`);
  await page.getByRole("radio", { name: /^Criar Lead/ }).check();
  const owner = page.getByLabel("Responsável padrão", { exact: true });
  await expect(owner).toHaveValue("");
  const [ownerId] = await owner.selectOption({ label: "Ana Gestora (ana@vendas.example)" });
  const ana = await systemDb.sandboxRecord.findUniqueOrThrow({ where: { id: Number(ownerId) } });
  expect(ana.entity).toBe("Users");
  expect(JSON.parse(ana.data)).toMatchObject({ Name: "Ana Gestora" });
  // The chat's agent (João, a Ploomes user too) would otherwise take precedence.
  await page.getByRole("switch", { name: "Responsável = atendente do chat (pelo e-mail)" }).uncheck();
  await page.getByRole("button", { name: "Salvar e continuar" }).click();
  await expect(page).toHaveURL(/\/mapping$/);
  expect((await storedSettings(id)).parsed).toMatchObject({
    behaviour: "lead",
    defaultOwnerId: ana.id,
    ownerFromAgent: false,
  });

  // Coming back shows the saved choice; the summary names the owner.
  await page.goto(`/integrations/jivo/${id}/behaviour`);
  await expect(page.getByLabel("Responsável padrão", { exact: true })).toHaveValue(String(ana.id));
  await expect(page.getByRole("switch", { name: "Responsável = atendente do chat (pelo e-mail)" })).not.toBeChecked();
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByTestId("summary-owner")).toHaveText("Responsável padrão: Ana Gestora");
  await page.getByRole("button", { name: "Ativar integração" }).click();
  const webhookUrl = await page.getByLabel("URL para Webhooks").inputValue();
  expect((await request.post(webhookUrl, { data: chat })).status()).toBe(200);

  await expect
    .poll(async () => (await systemDb.webhookEvent.findFirst({ where: { integrationId: id } }))?.status, {
      timeout: 30_000,
    })
    .toBe("done");
  const event = await systemDb.webhookEvent.findFirstOrThrow({ where: { integrationId: id } });
  const lead = await systemDb.sandboxRecord.findUniqueOrThrow({
    where: { id: JSON.parse(event.outcome).lead.id as number },
  });
  expect(lead.entity).toBe("Leads");
  expect(JSON.parse(lead.data)).toMatchObject({ OwnerId: ana.id });
});

test("a member sees the integration read-only, and the server refuses activation to a non-admin", async ({ page }) => {
  const { account, email } = await seedAccount("Membros");
  const id = await seedReadyDraft(account.id);
  const memberEmail = `membro-${account.id}@example.com`;
  await createUser(scopedDb(account.id), {
    name: "Maria Membro",
    email: memberEmail,
    role: "member",
    password: PASSWORD,
  });

  await signIn(page, memberEmail);
  await page.goto("/integrations/jivo");
  await expect(page.getByRole("link", { name: "JivoChat" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Habilitar integração" })).toHaveCount(0);
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByText("só administradores podem alterá-la")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ativar integração" })).toHaveCount(0);
  // A live integration's URL is a credential: members only see its hint.
  const live = await seedReadyDraft(account.id);
  const { webhookUrl } = await activateIntegration(scopedDb(account.id), live);
  await page.goto(`/integrations/jivo/${live}/activate`);
  await expect(page.getByLabel("URL para Webhooks")).toHaveValue(
    new RegExp(`/api/webhooks/jivo/•+${webhookUrl.slice(-4)}$`),
  );
  expect(await page.content()).not.toContain(webhookUrl);
  await expect(page.getByRole("button", { name: "Gerar nova URL" })).toHaveCount(0);
  await page.goto(`/integrations/jivo/${id}/behaviour`);
  await expect(page.getByRole("radio", { name: /^Criar Lead/ })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Salvar e continuar" })).toHaveCount(0);
  await signOut(page);

  // An admin opens the screen, then loses the role: the button is still on screen, the server says no.
  await signIn(page, email);
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByRole("button", { name: "Ativar integração" })).toBeEnabled();
  await systemDb.user.update({ where: { email }, data: { role: "member" } });
  await page.getByRole("button", { name: "Ativar integração" }).click();
  await expect(page.getByText("Somente administradores podem alterar integrações.")).toBeVisible();
  const row = await systemDb.integration.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("draft");
  expect(row.tokenHash).toBeNull();
});

test("another account's integration is a 404", async ({ page }) => {
  const owner = await seedAccount("Dona");
  const id = await seedReadyDraft(owner.account.id);
  const stranger = await seedAccount("Outra");
  await signIn(page, stranger.email);
  for (const path of [
    `/integrations/jivo/${id}`,
    `/integrations/jivo/${id}/connection`,
    `/integrations/jivo/${id}/activate`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  await page.goto("/integrations/jivo");
  await expect(page.getByTestId(`integration-row-${id}`)).toHaveCount(0);
});
