import type { CredentialsConfig } from "next-auth/providers/credentials";
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { currentUser } from "@/lib/auth/current-user";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { changeRole, removeUser, changePassword, createUser } from "@/lib/accounts/users";
import { seedAccount } from "@/test/helpers/seed";

// The cookie is a signed JWT: whoever holds a copy holds its claims. Here a "copied cookie" is the token that
// next-auth's jwt callback issued at sign-in, turned into a session by the session callback on every request, as
// getServerSession does; what must end it is the user's session version in the database.
const presented = vi.hoisted(() => ({ token: null as JWT | null }));
vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth")>();
  const { authOptions: options } = await import("@/lib/auth/auth-options");
  return {
    ...original,
    getServerSession: async () =>
      presented.token
        ? options.callbacks!.session!({ session: { expires: "" }, token: presented.token } as never)
        : null,
  };
});
vi.mock("react", async (importOriginal) => ({
  ...(await importOriginal<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));

const PASSWORD = "senha-segura-123";
const { authorize } = (authOptions.providers[0] as CredentialsConfig).options;

async function signInToken(email: string, password = PASSWORD): Promise<JWT> {
  const user = await authorize({ email, password }, { headers: { "x-forwarded-for": "192.0.2.10" } });
  return authOptions.callbacks!.jwt!({ token: { sub: undefined }, user, account: null } as never) as Promise<JWT>;
}

async function userWith(token: JWT | null) {
  presented.token = token;
  return currentUser();
}

beforeEach(async () => {
  await systemDb.loginThrottle.deleteMany({});
});

describe("session version", () => {
  it("after sign-out a copied cookie no longer works; signing in again does", async () => {
    const email = (await seedAccount("signout")).users[0]!.email;
    const copied = await signInToken(email);
    expect((await userWith(copied))?.email).toBe(email);

    await authOptions.events!.signOut!({ token: copied, session: null as never });
    expect(await userWith(copied)).toBeNull();
    // A stale cookie cannot end the new session again.
    const fresh = await signInToken(email);
    await authOptions.events!.signOut!({ token: copied, session: null as never });
    expect((await userWith(fresh))?.email).toBe(email);
  });

  it("a password change ends every session; the new password signs in, the old one does not", async () => {
    const email = (await seedAccount("pwchange")).users[0]!.email;
    const user = await systemDb.user.findUniqueOrThrow({ where: { email } });
    const laptop = await signInToken(email);
    const phone = await signInToken(email);

    await expect(
      changePassword(user.id, { currentPassword: "wrong-one-1", newPassword: "cavalo bateria grampo" }),
    ).rejects.toMatchObject({
      fields: { currentPassword: "currentPasswordWrong" },
    });
    await expect(
      changePassword(user.id, { currentPassword: PASSWORD, newPassword: "password1" }),
    ).rejects.toMatchObject({
      fields: { newPassword: "passwordCommon" },
    });
    expect((await userWith(laptop))?.email).toBe(email);

    await changePassword(user.id, { currentPassword: PASSWORD, newPassword: "cavalo bateria grampo" });
    expect(await userWith(laptop)).toBeNull();
    expect(await userWith(phone)).toBeNull();
    await expect(signInToken(email)).rejects.toThrow("invalid_credentials");
    expect((await userWith(await signInToken(email, "cavalo bateria grampo")))?.email).toBe(email);
  });

  it("the current password cannot be guessed through the change form: throttled like sign-in", async () => {
    const email = (await seedAccount("pwguess")).users[0]!.email;
    const user = await systemDb.user.findUniqueOrThrow({ where: { email } });
    const answers = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) =>
        changePassword(user.id, { currentPassword: `guess-${n}`, newPassword: "cavalo bateria grampo" }),
      ),
    );
    const fields = answers.map((answer) =>
      answer.status === "rejected"
        ? (answer.reason as { fields?: Record<string, string> }).fields?.currentPassword
        : "ok",
    );
    expect(fields.filter((field) => field === "currentPasswordWrong").length).toBeLessThanOrEqual(5);
    await expect(
      changePassword(user.id, { currentPassword: PASSWORD, newPassword: "cavalo bateria grampo" }),
    ).rejects.toMatchObject({
      fields: { currentPassword: "tooManyAttempts" },
    });
  });

  it("a role change ends the user's sessions; a removal too", async () => {
    const account = await seedAccount("role");
    const db = scopedDb(account.id);
    const member = await createUser(db, {
      name: "Membro",
      email: `member-${Date.now()}@example.com`,
      role: "member",
      password: "senha-do-membro-1",
    });
    const token = await signInToken(member.email, "senha-do-membro-1");
    expect((await userWith(token))?.role).toBe("member");

    await changeRole(db, member.id, "admin");
    expect(await userWith(token)).toBeNull();
    const adminToken = await signInToken(member.email, "senha-do-membro-1");
    expect((await userWith(adminToken))?.role).toBe("admin");

    await removeUser(db, member.id, account.users[0]!.id);
    expect(await userWith(adminToken)).toBeNull();
  });
});
