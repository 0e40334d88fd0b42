import { describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { adminAction, publicAction, recordId, userAction } from "@/app/_lib/server-action";
import { AppError } from "@/lib/errors/app-error";
import { createUser } from "@/lib/accounts/users";
import { scopedDb } from "@/lib/db/scoped-db";
import { seedAccount } from "@/test/helpers/seed";

// The helper reads the session through next-auth; here it is whoever the test signs in.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
const signIn = (userId: string | null) =>
  vi.mocked(getServerSession).mockResolvedValue(userId ? { userId, sessionVersion: 0 } : null);

async function adminAndMember() {
  const account = await seedAccount("action");
  const member = await createUser(scopedDb(account.id), {
    name: "Membro",
    email: `m-${account.id}@example.com`,
    role: "member",
    password: "senha-segura-123",
  });
  return { admin: account.users[0]!, member, account };
}

describe("adminAction / userAction / publicAction", () => {
  it("checks the session and role before the input, and hands the body the account-scoped db", async () => {
    const { admin, member, account } = await adminAndMember();
    const body = vi.fn(async ({ user }: { user: { accountId: string } }, id: string) => `${user.accountId}:${id}`);
    const action = adminAction([recordId], body);

    signIn(null);
    expect(await action({ not: "an id" } as unknown as string)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    signIn(member.id);
    expect(await action("abc")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await userAction([recordId], body)("abc")).toEqual({ ok: true, data: `${account.id}:abc` });
    signIn(admin.id);
    expect(await action("abc")).toEqual({ ok: true, data: `${account.id}:abc` });
    expect(body).toHaveBeenCalledTimes(2);
  });

  it("refuses an id that is not a string instead of coercing it, and keeps each argument's field paths", async () => {
    const { admin } = await adminAndMember();
    signIn(admin.id);
    const body = vi.fn(async () => "ran");
    const action = adminAction([recordId, z.object({ email: z.email("invalidEmail") })], body);
    expect(await action({ not: "" } as unknown as string, { email: "a@b.co" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await action("abc", { email: "nope" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fields: { email: "invalidEmail" },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("runs onSuccess with the parsed arguments only when the body succeeded, and returns AppErrors as data", async () => {
    const onSuccess = vi.fn();
    const ok = publicAction([z.string().trim()], async (name) => name.length, { onSuccess });
    expect(await ok("  ab ")).toEqual({ ok: true, data: 2 });
    expect(onSuccess).toHaveBeenCalledWith("ab");

    onSuccess.mockClear();
    const failing = publicAction(
      [z.string()],
      async () => {
        throw new AppError("CONFLICT", "busy", { fields: { _: "statusConflict" } });
      },
      { onSuccess },
    );
    expect(await failing("x")).toMatchObject({ ok: false, code: "CONFLICT", fields: { _: "statusConflict" } });
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
