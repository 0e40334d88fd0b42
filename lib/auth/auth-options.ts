import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";
import { endSessions } from "./session-version";
import { recordFailure, recordSuccess, reserveAttempt, throttleKeys } from "./login-throttle";
import { hashPassword, MAX_PASSWORD_LENGTH, needsRehash, verifyPassword } from "./password";

export const SIGN_IN_ERRORS = { invalid: "invalid_credentials", locked: "too_many_attempts" } as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
        const { email, password } = parsed.data;
        const keys = throttleKeys(email, clientAddress(request?.headers, env.TRUST_PROXY));
        // Counted before the (slow) check, so parallel guesses cannot all get through (login-throttle.ts).
        if (!(await reserveAttempt(keys))) throw new Error(SIGN_IN_ERRORS.locked);
        const user = await systemDb.user.findUnique({ where: { email } });
        if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
          await recordFailure(keys);
          throw new Error(SIGN_IN_ERRORS.invalid);
        }
        await recordSuccess(keys);
        if (needsRehash(user.passwordHash)) {
          // Only if nobody changed the password meanwhile.
          const passwordHash = await hashPassword(password);
          await systemDb.user.updateMany({
            where: { id: user.id, passwordHash: user.passwordHash },
            data: { passwordHash },
          });
        }
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only the user id and their session version travel in the token; role and account are read from the
    // database on every request, and a token whose version is not the user's current one is refused
    // (current-user.ts), so a sign-out, a password or role change, or a removal takes effect at once.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv };
    },
  },
  events: {
    // Signing out ends every session of the user, a copied cookie included.
    async signOut({ token }) {
      if (token?.sub && typeof token.sv === "number") await endSessions(token.sub, token.sv);
    },
  },
};
