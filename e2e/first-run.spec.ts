import fs from "node:fs";
import { expect, test } from "@playwright/test";

// The server was started on an empty database without ADMIN_EMAIL: it printed a one-time setup link.
function setupLinkFromServerLog(): string {
  const log = fs.readFileSync(process.env.E2E_SERVER_LOG!, "utf8");
  const match = /https?:\/\/\S+\/setup\/([\w-]+)/.exec(log);
  if (!match) throw new Error("no setup link in the server log");
  return new URL(match[0]).pathname;
}

test("first run: the printed setup link creates the account and its admin, once", async ({ page }) => {
  const link = setupLinkFromServerLog();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Configuração inicial" })).toBeVisible();

  await page.getByRole("button", { name: "Criar conta e entrar" }).click();
  await expect(page.getByText("Campo obrigatório.").first()).toBeVisible();

  await page.getByLabel("Nome da empresa").fill("Acme Indústria");
  await page.getByLabel("Seu nome").fill("Mariana Conceição");
  await page.getByLabel("E-mail").fill("mariana@acme.example");
  await page.getByLabel("Senha").fill("curta");
  await page.getByRole("button", { name: "Criar conta e entrar" }).click();
  await expect(page.getByText("A senha precisa ter pelo menos 8 caracteres.")).toBeVisible();

  await page.getByLabel("Senha").fill("senha-segura-123");
  await page.getByRole("button", { name: "Criar conta e entrar" }).click();
  await expect(page).toHaveURL(/\/integrations/);
  await expect(page.getByTestId("account-name")).toHaveText("Acme Indústria");

  // Single use: the same link is dead now.
  const response = await page.goto(link);
  expect(response?.status()).toBe(404);
});
