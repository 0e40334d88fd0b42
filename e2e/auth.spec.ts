import { expect, test } from "@playwright/test";
import { seedAccount, signIn, signOut, PASSWORD } from "./helpers/accounts";

test("sign-in: a wrong password gets a clear error, the right one gets in, sign-out leaves", async ({ page }) => {
  const { email } = await seedAccount();
  await page.goto("/integrations");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill("senha-errada");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();

  await page.getByLabel("Senha").fill(PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(/\/integrations/);
  await signOut(page);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failed sign-ins are throttled", async ({ page }) => {
  const { email } = await seedAccount();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel("Senha").fill(`errada-${attempt}`);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Entrar" })).toBeEnabled();
  }
  // Locked now: even the right password is refused for a while.
  await page.getByLabel("Senha").fill(PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByText(/Muitas tentativas sem sucesso/)).toBeVisible();
});

test("an admin creates a member; the member cannot open admin-only pages", async ({ page }) => {
  const { email } = await seedAccount();
  await signIn(page, email);
  await page.getByRole("link", { name: "Usuários" }).click();
  await page.getByLabel("Nome", { exact: true }).fill("Paulo Membro");
  const memberEmail = `membro-${Date.now()}@example.com`;
  await page.getByLabel("E-mail", { exact: true }).fill(memberEmail);
  await page.getByLabel("Senha inicial").fill("senha-do-membro-1");
  await page.getByRole("button", { name: "Adicionar usuário" }).click();
  await expect(page.getByText(`Usuário ${memberEmail} criado.`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${memberEmail}`)).toContainText("Paulo Membro");

  await signOut(page);
  await signIn(page, memberEmail, "senha-do-membro-1");
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Acesso restrito" })).toBeVisible();
});

test("language switch: English on demand, remembered across pages", async ({ page }) => {
  const { email } = await seedAccount();
  await signIn(page, email);
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("link", { name: "Event log" })).toBeVisible();
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.getByRole("link", { name: "Registro de eventos" })).toBeVisible();
});
