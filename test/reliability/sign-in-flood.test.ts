import fs from "node:fs";
import { afterAll, expect, it } from "vitest";
import { sparePort } from "../../scripts/lib/spare-port";
import { seedAccount, seedIntegration } from "../helpers/seed";
import { logFile, spawnServer, stopAllChildren } from "./lib/child-processes";
import { writeFigures } from "./lib/write-figures";

// Issue 14: password hashing used to run on the event loop (bcryptjs), so a burst of sign-ins held up JivoChat
// deliveries on the same process (50 parallel sign-ins: a delivery took 7.9 s instead of 5 ms). Now scrypt runs on
// libuv's threadpool. This scenario measures the receiver's latency on the production server (scripts/serve.ts),
// idle and under a flood of correct sign-ins (each one a full hash check: a wrong guess would be throttled after a
// few), and writes the figures for docs/reliability.md. No timing is asserted here: the figures are the result.

const USERS = Number(process.env.FLOOD_USERS ?? 50);
const SIGN_INS = Number(process.env.FLOOD_SIGN_INS ?? 300);
const PARALLEL = Number(process.env.FLOOD_PARALLEL ?? 50);
const DELIVERIES = Number(process.env.FLOOD_DELIVERIES ?? 200);
const PASSWORD = "senha-segura-123";

afterAll(async () => {
  await stopAllChildren();
});

const chat = JSON.parse(fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8")) as Record<string, unknown>;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(values: number[]) {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
  };
}

/** A connection the server reset (a keep-alive socket closed as the next request went out): a browser re-sends. */
function isConnectionReset(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET";
}

let resets = 0;

/** A sign-in, re-sent once when its connection was reset (counted in the figures), as a browser does. */
async function signIn(url: string, email: string, clientIp: string): Promise<boolean> {
  try {
    return await signInOnce(url, email, clientIp);
  } catch (error) {
    if (!isConnectionReset(error)) throw error;
    resets += 1;
    return signInOnce(url, email, clientIp);
  }
}

/** One sign-in through next-auth's credentials endpoint, as the login form does; true when a session was issued. */
async function signInOnce(url: string, email: string, clientIp: string): Promise<boolean> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": clientIp },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  await response.arrayBuffer();
  return response.headers.getSetCookie().some((value) => value.includes("next-auth.session-token="));
}

/** Deliveries one after another, each a new chat; the latency of each answer in ms. */
async function deliver(
  url: string,
  token: string,
  count: number,
  label: string,
  until?: () => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let n = 0; n < count || (until && !until()); n++) {
    const body = JSON.stringify({ ...chat, chat_id: `${label}-${n}-${Date.now()}` });
    const started = performance.now();
    const response = await fetch(`${url}/api/webhooks/jivo/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

it(`webhook latency while ${PARALLEL} sign-ins at a time hash passwords on the same server`, async () => {
  expect(fs.existsSync(".next/BUILD_ID"), "no production build: run `npm run test:reliability`").toBe(true);
  const accounts = await Promise.all(Array.from({ length: USERS }, (_, n) => seedAccount(`flood-${n}`)));
  const emails = accounts.map((account) => account.users[0]!.email);
  const { token } = await seedIntegration({ accountId: accounts[0]!.id });
  // Each user signs in from their own address (behind one trusted proxy): one address would be throttled after 20
  // attempts in flight, and this measures hashing, not the throttle.
  const { url } = await spawnServer({
    port: await sparePort(),
    env: { WORKER_ENABLED: "false", TRUST_PROXY: "1" },
    log: logFile("sign-in-flood"),
  });
  const ipOf = (n: number) => `198.51.100.${(n % 250) + 1}`;

  // Warm up (first requests compile routes, open the database), then the idle baseline.
  await signIn(url, emails[0]!, ipOf(0));
  await deliver(url, token, 20, "warm");
  const idle = await deliver(url, token, DELIVERIES, "idle");

  let next = 0;
  let signedIn = 0;
  const signInMs: number[] = [];
  let flooding = true;
  const started = performance.now();
  const flood = Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < SIGN_INS) {
        const user = next++ % emails.length;
        const at = performance.now();
        if (await signIn(url, emails[user]!, ipOf(user))) signedIn += 1;
        signInMs.push(performance.now() - at);
      }
    }),
  ).finally(() => (flooding = false));
  const underFlood = await deliver(url, token, 1, "flood", () => !flooding);
  await flood;
  const floodSeconds = (performance.now() - started) / 1000;

  // Every sign-in was a real, successful one (none turned away by the throttle), and every delivery was stored.
  expect(signedIn).toBe(SIGN_INS);
  const figures = {
    flood: {
      users: USERS,
      signIns: SIGN_INS,
      parallel: PARALLEL,
      seconds: Math.round(floodSeconds * 10) / 10,
      signInMs: summary(signInMs),
      connectionResets: resets,
    },
    webhookMs: { idle: summary(idle), underFlood: summary(underFlood) },
  };
  writeFigures("sign-in-flood", figures);
  console.log(JSON.stringify(figures, null, 2));
});
