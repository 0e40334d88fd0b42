import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seedAccount, signIn } from "../../e2e/helpers/accounts";

// Walks the product as an admin would and saves what each screen looks like, for the README and docs/.
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
const chat = JSON.parse(fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8")) as Record<string, unknown>;
const offline = JSON.parse(fs.readFileSync("test/fixtures/jivo/offline_message.json", "utf8")) as Record<
  string,
  unknown
>;

test("capture the product's screens", async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.goto("/login");
  await shot(page, "login");
  const { email } = await seedAccount("Acme Indústria");
  await signIn(page, email);
  await shot(page, "catalogue");

  await page.getByTestId("connector-jivo").click();
  await page.getByRole("button", { name: "Habilitar integração" }).click();
  await expect(page).toHaveURL(/\/connection$/);
  await shot(page, "wizard-1-connection");
  await page.getByRole("button", { name: "Usar o sandbox" }).click();
  await expect(page.getByText(/Conectado à conta/)).toBeVisible();
  await page.getByRole("link", { name: "Continuar" }).click();

  await expect(page).toHaveURL(/\/behaviour$/);
  await shot(page, "wizard-2-behaviour");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  await expect(page).toHaveURL(/\/funnel$/);
  await page.getByLabel("Funil", { exact: true }).selectOption({ label: "Funil de Vendas" });
  await page.getByLabel("Estágio", { exact: true }).selectOption({ label: "Prospecção" });
  await shot(page, "wizard-3-funnel");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  await expect(page).toHaveURL(/\/mapping$/);
  await shot(page, "wizard-4-mapping");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  await expect(page).toHaveURL(/\/channels$/);
  await shot(page, "wizard-5-channels");
  await page.getByRole("button", { name: "Salvar e continuar" }).click();

  await expect(page).toHaveURL(/\/activate$/);
  await page.getByRole("button", { name: "Ativar integração" }).click();
  const url = await page.getByLabel("URL para Webhooks").inputValue();
  await shot(page, "wizard-6-activation");

  for (const body of [chat, { ...chat, chat_id: 918273699 }, offline]) {
    expect((await request.post(url, { data: body })).status()).toBe(200);
  }
  await page.goto("/events");
  await expect(page.getByTestId(/^event-row-/).filter({ hasText: "Concluído" })).toHaveCount(3, { timeout: 30_000 });
  await page.waitForTimeout(3_000);
  await page.reload();
  await shot(page, "event-log");
  await page
    .getByTestId(/^event-row-/)
    .first()
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByTestId("ploomes-calls")).toBeVisible();
  await shot(page, "event-detail");
  await page.goto("/sandbox");
  await shot(page, "sandbox");
});
