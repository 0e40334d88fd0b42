import { expect, test } from "@playwright/test";
import { seedAccount, signIn, signOut } from "./helpers/accounts";

// Issue 14 in the browser: where sign-in may send you, what a copied cookie is worth after sign-out, changing one's
// password, and the Content-Security-Policy the pages run under.

test("after sign-in, a callbackUrl to another host stays in the app; a path of the app is followed", async ({
  page,
  baseURL,
}) => {
  const { email, password } = await seedAccount();
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of [
    "/%5Cevil.example/phish",
    "/%09/evil.example",
    "//evil.example",
    "https://evil.example/",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha").fill(password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page).toHaveURL(`${origin}/integrations`);
  }
  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=/events");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(`${origin}/events`);
});

test("a session cookie copied before sign-out no longer opens the app", async ({ page, browser }) => {
  const { email } = await seedAccount();
  await signIn(page, email);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(true);

  await signOut(page);
  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/integrations");
    await expect(stolen).toHaveURL(/\/login/);
  } finally {
    await thief.close();
  }
});

test("change password: the current one is required, a common one is refused, and every session ends", async ({
  page,
  browser,
}) => {
  const { email, password } = await seedAccount();
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, email);
    await signIn(page, email);

    await page.getByRole("button", { name: "Menu do usuário" }).click();
    await page.getByRole("menuitem", { name: "Alterar senha" }).click();
    await expect(page.getByRole("heading", { name: "Alterar senha" })).toBeVisible();

    await page.getByLabel("Senha atual").fill("nao-e-esta-1");
    await page.getByLabel("Nova senha").fill("cavalo bateria grampo");
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page.getByText("A senha atual está incorreta.")).toBeVisible();

    await page.getByLabel("Senha atual").fill(password);
    await page.getByLabel("Nova senha").fill("12345678");
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page.getByText("Esta senha é comum demais e fácil de adivinhar: escolha outra.")).toBeVisible();

    await page.getByLabel("Nova senha").fill("cavalo bateria grampo");
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page).toHaveURL(/\/login\?passwordChanged=1/);
    await expect(page.getByText("Senha alterada. Entre de novo com a nova senha.")).toBeVisible();

    // The other browser's session ended too.
    await otherPage.goto("/integrations");
    await expect(otherPage).toHaveURL(/\/login/);

    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha").fill(password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
    await signIn(page, email, "cavalo bateria grampo");
  } finally {
    await other.close();
  }
});

test("pages carry a nonce-based Content-Security-Policy and still work under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const { email } = await seedAccount();
  const login = await page.goto("/login");
  const csp = login!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(login!.headers()["permissions-policy"]).toContain("camera=()");
  // A fresh nonce on every answer, and Next put it on its scripts.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const again = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce);
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);

  // Everything below needs the app's scripts: client-side validation, sign-in, the menu, the language switch.
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByText("Informe um e-mail válido.")).toBeVisible();
  await signIn(page, email);
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
  await page.getByLabel("Language").selectOption("pt-BR");
  await page.getByRole("link", { name: "Registro de eventos" }).click();
  await expect(page).toHaveURL(/\/events/);
  expect(violations).toEqual([]);
});
