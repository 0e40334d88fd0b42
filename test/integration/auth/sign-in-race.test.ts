import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import bcrypt from "bcryptjs";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { recordSocketAddress } from "@/lib/auth/client-address";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { seedAccount } from "@/test/helpers/seed";

// Sign-in attempts over real sockets, many at once, against the real database (SQLite or PostgreSQL): the throttle
// must hold when the guesses arrive together, not only one after another. One proxy is trusted, so that each test
// can speak from its own client address (X-Forwarded-For).
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: { ...original.env, TRUST_PROXY: 1 } };
});

const PASSWORD = "senha-segura-123";
const { authorize } = (authOptions.providers[0] as CredentialsConfig).options;
let server: Server;
let url: string;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  recordSocketAddress();
  server = createServer((request, response) => {
    const email = request.headers["x-email"] as string;
    const password = request.headers["x-password"] as string;
    authorize({ email, password }, { headers: request.headers })
      .then(() => response.end("signed-in"))
      .catch((error: Error) => response.end(error.message));
  });
  server.maxConnections = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  await systemDb.loginThrottle.deleteMany({});
});

async function attempt(email: string, password: string, ip: string): Promise<string> {
  const response = await fetch(url, { headers: { "x-email": email, "x-password": password, "x-forwarded-for": ip } });
  return response.text();
}

const seedUser = async (label: string) => (await seedAccount(label)).users[0]!.email;

const count = (answers: string[], answer: string) => answers.filter((value) => value === answer).length;

describe("sign-in throttle under parallel attempts", () => {
  it("200 wrong guesses at once for one account: at most LOGIN_MAX_FAILURES are checked, then even the right password is refused", async () => {
    const email = await seedUser("race");
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => attempt(email, `wrong-${n}`, ip)));
    expect(count(answers, "invalid_credentials")).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES);
    expect(count(answers, "invalid_credentials")).toBeGreaterThan(0);
    expect(count(answers, "too_many_attempts")).toBe(200 - count(answers, "invalid_credentials"));
    expect(await attempt(email, PASSWORD, ip)).toBe("too_many_attempts");
  });

  it("a burst of 40 wrong guesses plus the right one: once locked, the right one does not sign in", async () => {
    const email = await seedUser("burst");
    const ip = freshIp();
    let invalid = 0;
    let lockedOut!: () => void;
    const locked = new Promise<void>((resolve) => (lockedOut = resolve));
    const wrong = Array.from({ length: 40 }, (_, n) =>
      attempt(email, `wrong-${n}`, ip).then((answer) => {
        if (answer === "invalid_credentials" && ++invalid === env.LOGIN_MAX_FAILURES) lockedOut();
        return answer;
      }),
    );
    await locked;
    // The rest of the burst may still be in flight.
    const right = attempt(email, PASSWORD, ip);
    const answers = await Promise.all(wrong);
    expect(await right).toBe("too_many_attempts");
    expect(count(answers, "invalid_credentials")).toBe(env.LOGIN_MAX_FAILURES);
  });

  it("100 attempts at once from one address, each for another e-mail: at most the per-IP limit are checked", async () => {
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) => attempt(`nobody-${n}-${Date.now()}@example.com`, "wrong", ip)),
    );
    expect(count(answers, "invalid_credentials")).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES * 4);
    expect(count(answers, "invalid_credentials")).toBeGreaterThan(0);
    expect(count(answers, "too_many_attempts") + count(answers, "invalid_credentials")).toBe(100);
  });

  it("an attacker who locks the account from their address does not lock the user out from theirs", async () => {
    const email = await seedUser("lockout");
    const attacker = freshIp();
    const user = freshIp();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => attempt(email, `wrong-${n}`, attacker)));
    expect(count(answers, "invalid_credentials")).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES);
    expect(await attempt(email, PASSWORD, attacker)).toBe("too_many_attempts");
    expect(await attempt(email, PASSWORD, user)).toBe("signed-in");
  });

  it("successful sign-ins give their IP reservation back: an office behind one address is not locked by its own users", async () => {
    const ip = freshIp();
    const users = await Promise.all(Array.from({ length: 3 }, () => seedUser("office")));
    for (let round = 0; round < 10; round++) {
      for (const email of users) expect(await attempt(email, PASSWORD, ip)).toBe("signed-in");
    }
  });

  it("an account still hashed with bcrypt signs in and is rehashed with scrypt; the old password keeps working", async () => {
    const email = await seedUser("legacy");
    await systemDb.user.update({ where: { email }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
    expect(await attempt(email, "wrong", freshIp())).toBe("invalid_credentials");
    expect(await attempt(email, PASSWORD, freshIp())).toBe("signed-in");
    const { passwordHash } = await systemDb.user.findUniqueOrThrow({ where: { email } });
    expect(passwordHash).toMatch(/^scrypt\$/);
    expect(await attempt(email, PASSWORD, freshIp())).toBe("signed-in");
  });
});
