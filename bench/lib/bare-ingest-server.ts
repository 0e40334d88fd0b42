// tsx bench/lib/bare-ingest-server.ts <sqlite file> <port> <synchronous> – the ingest benchmark's baseline: the
// least a durable webhook receiver can do on this machine. Bare node:http and better-sqlite3, same tables as the
// app (migrated by Prisma), WAL and the app's `synchronous`: read the body, parse it, insert the event row and its
// job row in one transaction (a re-delivery only counts), answer {"result":"ok"}. No framework, ORM or validation.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";

const [file, port, synchronous] = process.argv.slice(2);
if (!file || !port || !["OFF", "NORMAL", "FULL", "EXTRA"].includes(synchronous ?? "")) {
  throw new Error("usage: bare-ingest-server.ts <sqlite file> <port> <OFF|NORMAL|FULL|EXTRA>");
}

const db = new Database(file, { timeout: 10_000 });
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${synchronous}`);

const now = () => new Date().toISOString();
const accountId = randomUUID();
const integrationId = randomUUID();
db.prepare(`INSERT INTO "Account" ("id", "name") VALUES (?, 'Bare')`).run(accountId);
db.prepare(
  `INSERT INTO "Integration" ("id", "accountId", "name", "status", "updatedAt") VALUES (?, ?, 'Bare', 'active', ?)`,
).run(integrationId, accountId, now());

const insertEvent = db.prepare(`
  INSERT INTO "WebhookEvent" ("id", "accountId", "integrationId", "eventName", "widgetId", "chatId", "dedupeKey",
    "visitorName", "visitorEmail", "visitorPhone", "rawPayload", "status", "receivedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)
  ON CONFLICT ("integrationId", "dedupeKey") DO NOTHING`);
const insertJob = db.prepare(
  `INSERT INTO "Job" ("id", "eventId", "chatKey", "createdAt", "runAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
);
const countDelivery = db.prepare(
  `UPDATE "WebhookEvent" SET "deliveries" = "deliveries" + 1 WHERE "integrationId" = ? AND "dedupeKey" = ?`,
);

type Payload = {
  event_name?: string;
  widget_id?: string;
  chat_id?: number | string;
  offline_message_id?: number | string;
  visitor?: { name?: string; email?: string; phone?: string };
};

const store = db.transaction((raw: string, payload: Payload) => {
  const chatId = payload.chat_id === undefined ? null : String(payload.chat_id);
  const key = [
    payload.widget_id ?? "-",
    chatId ?? "-",
    payload.event_name ?? "-",
    payload.offline_message_id ?? "",
  ].join(":");
  const id = randomUUID();
  const at = now();
  const visitor = payload.visitor ?? {};
  const inserted = insertEvent.run(
    id,
    accountId,
    integrationId,
    payload.event_name ?? "-",
    payload.widget_id ?? null,
    chatId,
    key,
    visitor.name ?? null,
    visitor.email ?? null,
    visitor.phone ?? null,
    raw,
    at,
  );
  if (inserted.changes === 0) countDelivery.run(integrationId, key);
  else insertJob.run(randomUUID(), id, `${integrationId}:${payload.widget_id ?? "-"}:${chatId ?? key}`, at, at, at);
});

const server = createServer((request, response) => {
  if (request.method === "GET") return void response.end("up"); // readiness probe
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    let status = 200;
    let body = '{"result":"ok"}';
    try {
      const raw = Buffer.concat(chunks).toString("utf8");
      store(raw, JSON.parse(raw) as Payload);
    } catch {
      status = 400;
      body = '{"result":"error"}';
    }
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" }).end(body);
  });
});
server.listen(Number(port), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
