import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { activateIntegration, createIntegration } from "@/lib/integrations/lifecycle";
import { connectSandbox } from "@/lib/integrations/connect-sandbox";
import { loadPloomesOptions, saveIntegrationSettings } from "@/lib/integrations/settings";
import { SANDBOX_API_PATH, SANDBOX_SEED, seedFieldKey } from "@/lib/ploomes-sandbox";
import { createUser } from "@/lib/accounts/users";
import { PASSWORD, seedAccount, signIn, signOut } from "./helpers/accounts";
import { PERSON_COMPANY_MAPPINGS } from "../test/helpers/mappings";

const chat = fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8");
const baseUrl = process.env.E2E_BASE_URL ?? "http://localhost:3000";
const campaign = seedFieldKey(1, "Origem da campanha");

/** An active integration of the account on a fresh sandbox: company, person and deal, the UTM campaign in a custom field. */
async function seedLiveIntegration(accountId: string) {
  const db = scopedDb(accountId);
  const { id } = await createIntegration(db, accountId);
  await connectSandbox(db, id, { sandboxUrl: `${baseUrl}${SANDBOX_API_PATH}` });
  const sales = (await loadPloomesOptions(db, id)).pipelines.find(
    (pipeline) => pipeline.name === SANDBOX_SEED.salesPipeline.Name,
  )!;
  await saveIntegrationSettings(db, id, "behaviour", { behaviour: "company_person_deal", offlineBehaviour: "lead" });
  await saveIntegrationSettings(db, id, "funnel", { pipelineId: sales.id, stageId: sales.stages[0]!.id });
  await saveIntegrationSettings(db, id, "mapping", {
    mappings: [
      ...PERSON_COMPANY_MAPPINGS,
      { source: "session.utm.campaign", entity: "person", field: `custom:${campaign}` },
    ],
  });
  await activateIntegration(db, id);
  const tenant = await systemDb.sandboxTenant.findFirstOrThrow({ where: { accountId } });
  return { id, tenantId: tenant.id };
}

const sandboxCount = (tenantId: string) => systemDb.sandboxRecord.count({ where: { tenantId } });

async function simulate(page: Page, source: "Um exemplo" | "Colar o conteúdo (JSON)", json?: string) {
  await page.getByRole("radio", { name: source }).check();
  if (json !== undefined) await page.getByLabel(/Conteúdo enviado pelo JivoChat/).fill(json);
  await page.getByRole("button", { name: "Simular" }).click();
}

test("the dry run shows what chat_finished_br would create, and nothing reaches the sandbox", async ({ page }) => {
  const { account, email } = await seedAccount("Simulação");
  const { id, tenantId } = await seedLiveIntegration(account.id);
  const before = await sandboxCount(tenantId);
  await signIn(page, email);
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByRole("heading", { name: "O que este chat criaria?" })).toBeVisible();

  // A pasted text that is not JSON is reported in place.
  await simulate(page, "Colar o conteúdo (JSON)", "{isto não é json");
  await expect(page.getByText("O texto colado não é um JSON válido")).toBeVisible();

  await simulate(page, "Colar o conteúdo (JSON)", chat);
  const plan = page.getByTestId("dry-run-plan");
  await expect(plan).toContainText("Chat finalizado — Mariana Conceição");
  await expect(plan.getByTestId("plan-notFound-person")).toContainText("Nenhuma pessoa com este e-mail ou telefone");
  const person = plan.getByTestId("plan-create-person");
  await expect(person).toContainText("Seria criada uma Pessoa");
  await expect(person).toContainText("mariana.conceicao@acme.com.br");
  // The custom field by its Ploomes name, with the mapped value.
  await expect(person.getByTestId("plan-field").filter({ hasText: "Origem da campanha" })).toContainText(
    "black_friday",
  );
  const deal = plan.getByTestId("plan-create-deal");
  await expect(deal).toContainText("Funil de Vendas › Prospecção");
  await expect(deal).toContainText("João Vendedor");
  await expect(deal).toContainText("JivoChat – Mariana Conceição");
  await expect(plan.getByTestId("dry-run-transcript")).toContainText("Olá! Quero um orçamento para 40 licenças.");
  await expect(plan).toContainText(/consultas? ao Ploomes, só de leitura/);
  expect(await sandboxCount(tenantId)).toBe(before);

  // A member may simulate too (it writes nothing), here with the bundled sample on the mapping step.
  const memberEmail = `membro-${account.id}@example.com`;
  await createUser(scopedDb(account.id), {
    name: "Maria Membro",
    email: memberEmail,
    role: "member",
    password: PASSWORD,
  });
  await signOut(page);
  await signIn(page, memberEmail);
  await page.goto(`/integrations/jivo/${id}/mapping`);
  await simulate(page, "Um exemplo");
  await expect(page.getByTestId("plan-create-person")).toContainText("Mariana Conceição");
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByRole("button", { name: "Verificar agora" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Enviar evento de teste" })).toHaveCount(0);
  expect(await sandboxCount(tenantId)).toBe(before);
});

test("Verificar agora names a custom field deleted in Ploomes, and a silent integration is called out", async ({
  page,
}) => {
  const { account, email } = await seedAccount("Saúde");
  const { id, tenantId } = await seedLiveIntegration(account.id);
  // The Ploomes admin deletes the field in Ploomes' own screens (its API, like the sandbox's, cannot).
  const fields = await systemDb.sandboxRecord.findMany({ where: { tenantId, entity: "Fields" } });
  const field = fields.find((row) => (JSON.parse(row.data) as { Key?: string }).Key === campaign)!;
  await systemDb.sandboxRecord.delete({ where: { id: field.id } });

  await signIn(page, email);
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByText("Esta integração precisa de atenção")).toHaveCount(0);
  await page.getByRole("button", { name: "Verificar agora" }).click();
  await expect(page.getByTestId("health-findings")).toContainText('O campo personalizado "Origem da campanha"');
  await expect(
    page.getByTestId("health-findings").getByRole("link", { name: "Corrigir em “Mapeamento de campos”" }),
  ).toBeVisible();
  // The banner every screen of the integration shows until it is fixed.
  await expect(page.getByText(/Esta integração precisa de atenção: .*"Origem da campanha"/)).toBeVisible();
  const flagged = await systemDb.integration.findUniqueOrThrow({ where: { id } });
  expect(flagged.flaggedReason).toContain('"Origem da campanha"');
  expect(flagged.lastHealthAt).not.toBeNull();

  // Nothing for 30 hours, beyond the default 24: the activation screen and the list say so.
  await systemDb.integration.update({ where: { id }, data: { lastEventAt: new Date(Date.now() - 30 * 60 * 60_000) } });
  await page.reload();
  await expect(page.getByText("Nenhum evento recebido há mais de 24 horas.")).toBeVisible();
  await expect(page.getByTestId("health-last-event")).toContainText("há 1 dia");
  await page.goto("/integrations/jivo");
  await expect(page.getByTestId(`integration-row-${id}`).getByTestId("silent-badge")).toHaveText(
    "Sem eventos há +24 h",
  );

  // The threshold is a setting of the Canais step (1 to 720 hours).
  await page.goto(`/integrations/jivo/${id}/channels`);
  const hours = page.getByLabel("Avisar quando nenhum evento chegar por (horas)");
  await hours.fill("0");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();
  await expect(page.getByText("Informe um número inteiro de horas entre 1 e 720.")).toBeVisible();
  await hours.fill("48");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();
  await expect(page).toHaveURL(/\/activate$/);
  await expect(page.getByTestId("health-last-event")).toBeVisible();
  await expect(page.getByText(/Nenhum evento recebido há mais de/)).toHaveCount(0);
  expect(JSON.parse((await systemDb.integration.findUniqueOrThrow({ where: { id } })).settings)).toMatchObject({
    silenceAlertHours: 48,
  });
});

test("the behaviour step turns the agent look-up off and records creation at the start of the chat on", async ({
  page,
}) => {
  const { account, email } = await seedAccount("Atendimento");
  const { id } = await seedLiveIntegration(account.id);
  await signIn(page, email);
  await page.goto(`/integrations/jivo/${id}/behaviour`);
  const lookup = page.getByRole("switch", { name: "Mostrar ao atendente os dados do Ploomes durante o chat" });
  await expect(lookup).toBeChecked();
  await lookup.uncheck();
  await page.getByRole("switch", { name: "Criar cliente já no início do atendimento" }).check();
  await page.getByRole("button", { name: "Salvar e continuar" }).click();
  await expect(page).toHaveURL(/\/funnel$/);
  const stored = JSON.parse((await systemDb.integration.findUniqueOrThrow({ where: { id } })).settings) as Record<
    string,
    unknown
  >;
  expect(stored).toMatchObject({ agentLookup: false, createOnChatStart: true, behaviour: "company_person_deal" });
});

test("Enviar evento de teste shows the finished event with links to the records it created", async ({ page }) => {
  const { account, email } = await seedAccount("Teste");
  const { id, tenantId } = await seedLiveIntegration(account.id);
  await signIn(page, email);
  await page.goto(`/integrations/jivo/${id}/activate`);
  await expect(page.getByText("Ele cria registros de exemplo no sandbox conectado.")).toBeVisible();
  await page.getByRole("button", { name: "Enviar evento de teste" }).click();

  const outcome = page.getByTestId("test-event-outcome");
  await expect(outcome.locator("[data-status]")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(outcome).toContainText("Concluído");
  const personLink = outcome.getByRole("link", { name: /^Pessoa #\d+ criada$/ });
  const personId = Number(/#(\d+)/.exec((await personLink.textContent()) ?? "")?.[1]);
  await expect(personLink).toHaveAttribute("href", `/sandbox?record=${personId}#sandbox-contacts-${personId}`);
  await expect(outcome.getByRole("link", { name: /^Negócio #\d+ criado$/ })).toBeVisible();
  const stored = await systemDb.sandboxRecord.findFirst({ where: { tenantId, id: personId, entity: "Contacts" } });
  expect(JSON.parse(stored!.data)).toMatchObject({ Name: "Mariana Conceição" });
  const event = await systemDb.webhookEvent.findFirstOrThrow({ where: { integrationId: id } });
  expect(event.status).toBe("done");
});
