import { expect, test } from "@playwright/test";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { PloomesClient } from "@/lib/ploomes/client";
import { SANDBOX_SEED, seedFieldKey } from "@/lib/ploomes-sandbox";
import { createUser } from "@/lib/accounts/users";
import { seedAccount, signIn, signOut } from "./helpers/accounts";

const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
const API_URL = `${BASE_URL}/sandbox/ploomes/api`;

test("an admin creates the sandbox; records written through its API show up on the page", async ({ page }) => {
  const { account, email } = await seedAccount("Sandbox");
  await signIn(page, email);
  await page.getByRole("link", { name: "Sandbox" }).click();
  await expect(page.getByRole("heading", { name: "Esta conta ainda não tem sandbox" })).toBeVisible();

  await page.getByRole("button", { name: "Criar sandbox" }).click();
  await expect(page.getByRole("heading", { name: "Sandbox criado" })).toBeVisible();
  const apiKey = await page.getByLabel("Chave da API").inputValue();
  expect(apiKey).toMatch(/^sbx_/);
  await expect(page.getByLabel("URL base da API")).toHaveValue(API_URL);
  const tenants = await systemDb.sandboxTenant.findMany({ where: { accountId: account.id } });
  expect(tenants).toHaveLength(1);

  // The hub's own Ploomes client, from the test process, over HTTP.
  const crm = new PloomesClient({ baseUrl: API_URL, apiKey });
  const person = await crm.createContact({
    Name: "Beatriz Teste E2E",
    TypeId: 2,
    Email: "beatriz.e2e@exemplo.com.br",
    Phones: [{ PhoneNumber: "(11) 98888-7777", CountryId: 76 }],
    OtherProperties: [{ FieldKey: seedFieldKey(1, "Origem da campanha"), StringValue: "Campanha de Natal" }],
  });
  const sales = (await crm.listPipelines()).find((pipeline) => pipeline.Name === SANDBOX_SEED.salesPipeline.Name)!;
  const deal = await crm.createDeal({
    Title: "JivoChat – Beatriz",
    ContactId: person.Id,
    PersonId: person.Id,
    StageId: sales.Stages![0]!.Id,
  });
  const transcript = "Visitante: Olá, <b>quero</b> um orçamento.\nAgente: Claro! Qual o seu e-mail?";
  const interaction = await crm.createInteractionRecord({ ContactId: person.Id, DealId: deal.Id, Content: transcript });
  await expect(crm.getContact(person.Id)).resolves.toMatchObject({ Email: "beatriz.e2e@exemplo.com.br" });

  await page.getByRole("button", { name: "Ver o sandbox" }).click();
  const personRow = page.locator(`#sandbox-contacts-${person.Id}`);
  await expect(personRow).toContainText("Beatriz Teste E2E");
  await expect(personRow).toContainText("Pessoa");
  await expect(personRow).toContainText("beatriz.e2e@exemplo.com.br");
  await expect(personRow).toContainText("(11) 98888-7777");
  await expect(personRow.getByText("Origem da campanha")).toBeVisible();
  await expect(personRow.getByText("Campanha de Natal")).toBeVisible();

  const dealRow = page.locator(`#sandbox-deals-${deal.Id}`);
  await expect(dealRow).toContainText("JivoChat – Beatriz");
  await expect(dealRow).toContainText("Funil de Vendas › Prospecção");
  await expect(dealRow).toContainText("Em aberto");

  const interactionRow = page.locator(`#sandbox-interactions-${interaction.Id}`);
  await expect(interactionRow.locator("pre")).toHaveText(transcript);
  // Text stays text: the visitor's markup is not rendered.
  await expect(interactionRow.locator("pre b")).toHaveCount(0);
  await expect(interactionRow).toContainText("JivoChat – Beatriz");

  // The seed is there too, and a deep link by record Id lands on the row.
  await expect(page.getByText(SANDBOX_SEED.existingPerson.Email)).toBeVisible();
  await page.goto(`/sandbox?record=${deal.Id}#sandbox-deals-${deal.Id}`);
  await expect(page.locator(`#sandbox-deals-${deal.Id}`)).toBeInViewport();
});

test("the Sandbox page's address and key connect an integration on the production server; the draft is then discarded", async ({
  page,
}) => {
  const { account, email } = await seedAccount("Sandbox colado");
  await signIn(page, email);
  await page.goto("/sandbox");
  await page.getByRole("button", { name: "Criar sandbox" }).click();
  const apiKey = await page.getByLabel("Chave da API").inputValue();
  const address = await page.getByLabel("URL base da API").inputValue();
  expect(address).toBe(API_URL);
  // Its answers name the address the request came to, not the server's bind address (0.0.0.0).
  const answer = (await (
    await fetch(`${address}/Account?$top=1`, { headers: { "User-Key": apiKey } })
  ).json()) as Record<string, unknown>;
  expect(answer["@odata.context"]).toBe(`${API_URL}/$metadata#Account`);

  // The server runs as `npm start` does (NODE_ENV=production, no PLOOMES_ALLOW_PRIVATE_URLS): a private address,
  // yet this one is the app's own sandbox.
  await page.goto("/integrations/jivo");
  await page.getByRole("button", { name: "Habilitar integração" }).click();
  await expect(page).toHaveURL(/\/integrations\/jivo\/[^/]+\/connection$/);
  const id = /\/integrations\/jivo\/([^/]+)\//.exec(new URL(page.url()).pathname)![1]!;
  await page.getByLabel("Chave da API do usuário de integração").fill(apiKey);
  await page.getByText("Configurações avançadas").click();
  await page.getByLabel("Endereço da API").fill("http://10.0.0.7/sandbox/ploomes/api");
  await page.getByRole("button", { name: "Verificar e conectar" }).click();
  await expect(page.getByText("Informe um endereço válido e público", { exact: false })).toBeVisible();
  await page.getByLabel("Endereço da API").fill(address);
  await page.getByRole("button", { name: "Verificar e conectar" }).click();
  await expect(page.getByText(/Conectado à conta/)).toBeVisible();
  const connection = await systemDb.ploomesConnection.findFirstOrThrow({ where: { integrations: { some: { id } } } });
  expect(connection).toMatchObject({ baseUrl: API_URL, isSandbox: true, sandboxTenantId: null });

  // Discarded in the browser: the draft and its connection go; the sandbox, made on its own page, stays.
  await page.getByRole("button", { name: "Descartar rascunho" }).click();
  const dialog = page.getByRole("dialog", { name: "Descartar o rascunho “JivoChat”?" });
  await expect(dialog).not.toContainText("sandbox criado para ele");
  await dialog.getByRole("button", { name: "Descartar" }).click();
  await expect(page).toHaveURL(/\/integrations\/jivo$/);
  await expect(page.getByTestId(`integration-row-${id}`)).toHaveCount(0);
  expect(await systemDb.integration.count({ where: { id } })).toBe(0);
  expect(await systemDb.ploomesConnection.count({ where: { id: connection.id } })).toBe(0);
  expect(await systemDb.sandboxTenant.count({ where: { accountId: account.id } })).toBe(1);
});

test("a member sees the explanation but cannot create a sandbox", async ({ page }) => {
  const { account, email } = await seedAccount("Sandbox membro");
  const member = await createUser(scopedDb(account.id), {
    name: "Marcos Membro",
    email: `membro-${account.id}@example.com`,
    role: "member",
    password: "senha-do-membro-1",
  });
  await signIn(page, member.email, "senha-do-membro-1");
  await page.goto("/sandbox");
  await expect(page.getByText("Peça a um administrador da conta para criar o sandbox.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Criar sandbox" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, email);
  await page.goto("/sandbox");
  await expect(page.getByRole("button", { name: "Criar sandbox" })).toBeVisible();
  expect(await systemDb.sandboxTenant.count({ where: { accountId: account.id } })).toBe(0);
});
