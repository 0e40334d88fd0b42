import { randomBytes } from "node:crypto";
import { type Page, expect } from "@playwright/test";
import { createAccountWithAdmin } from "@/lib/accounts/setup";

export const PASSWORD = "senha-segura-123";

/** A fresh account with its admin, created straight in the test database (same DATABASE_URL as the server). */
export async function seedAccount(label = "Conta") {
  const id = randomBytes(4).toString("hex");
  const email = `admin-${id}@example.com`;
  const account = await createAccountWithAdmin({
    accountName: `${label} ${id}`,
    name: `Admin ${id}`,
    email,
    password: PASSWORD,
  });
  return { account, email, password: PASSWORD };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(/\/integrations/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Menu do usuário" }).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);
}
