import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { systemDb } from "@/lib/db/client";
import { seedIntegration } from "../test/helpers/seed";
import { seedAccount, signIn } from "./helpers/accounts";

const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

// Markup from a visitor travels webhook → database → event log. It must arrive as text: shown literally, never
// run. Payloads that would run set a flag or open a dialog, so a rendering bug cannot pass unnoticed.
const HOSTILE_NAMES = [
  `<script>window.__hostile = "script"; alert("xss-script")</script>`,
  `<img src=x onerror="window.__hostile = 'img'; alert('xss-img')">`,
  `"><svg onload="window.__hostile = 'svg'">`,
];
const HOSTILE_MESSAGE = `<img src=x onerror="window.__hostile = 'message'"> <b>negrito</b> &lt;ok&gt;`;

function chatFrom(name: string, chatId: number): string {
  const chat = JSON.parse(fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8")) as Record<
    string,
    unknown
  >;
  return JSON.stringify({
    ...chat,
    chat_id: chatId,
    visitor: { ...(chat.visitor as object), name, email: `hostil-${chatId}@example.com` },
    chat: {
      ...(chat.chat as object),
      messages: [{ message: HOSTILE_MESSAGE, timestamp: 1764000000, type: "visitor" }],
    },
  });
}

test("markup in a visitor's name and messages is shown as text in the event log, never run", async ({
  page,
  request,
}) => {
  const { account, email } = await seedAccount("Hostil");
  // Paused: the events are stored and listed, and no worker picks them up while the test looks at them.
  const { integration, token } = await seedIntegration({ accountId: account.id, status: "paused" });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const events: { id: string; name: string }[] = [];
  for (const [index, name] of HOSTILE_NAMES.entries()) {
    const delivered = await request.post(`${BASE_URL}/api/webhooks/jivo/${token}`, {
      data: chatFrom(name, 880_000 + index),
      headers: { "content-type": "application/json" },
    });
    expect(delivered.status()).toBe(200);
    const row = await systemDb.webhookEvent.findFirstOrThrow({
      where: { integrationId: integration.id, chatId: String(880_000 + index) },
    });
    expect(row.visitorName).toBe(name);
    events.push({ id: row.id, name });
  }

  await signIn(page, email);
  await page.goto("/events");
  for (const event of events) {
    const row = page.getByTestId(`event-row-${event.id}`);
    await expect(row).toContainText(event.name);
    await expect(row.locator("script, img, svg")).toHaveCount(0);
  }

  // The detail page: the name in the heading, the raw payload (message markup included) as text.
  await page.goto(`/events/${events[1]!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE_NAMES[1]!);
  await expect(page.getByTestId("event-payload")).toContainText("onerror=");
  await expect(page.locator('main img[src="x"], main svg[onload]')).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { __hostile?: string }).__hostile ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
});
