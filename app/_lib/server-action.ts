import { z } from "zod";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { runAction, type ActionResult } from "@/lib/http/action-result";

/**
 * The one way to write a server action, in the spirit of next-safe-action but small enough to read:
 *
 *   export const pauseAction = adminAction([recordId], async ({ db }, id) => pauseIntegration(db, id));
 *
 * 1. the caller's session and role are checked first (a forged call from a member's browser is refused before
 *    its input is even looked at), and the account-scoped db is made once;
 * 2. every argument is parsed by its own schema (one per positional argument, so a form's field errors keep the
 *    paths the form knows, e.g. `email`, not `0.email`);
 * 3. the body runs inside `runAction`: an AppError or zod error comes back as the `ActionResult` the forms read,
 *    anything else is logged and reported generically;
 * 4. `onSuccess` (revalidation, typically) runs only when the body succeeded.
 */

/** The id of a row, as the client sends it: a string of sane length, never an object that Prisma would read as a filter. */
export const recordId = z.string().min(1).max(64);

type Schemas = readonly z.ZodType[];
type Inputs<S extends Schemas> = { -readonly [K in keyof S]: z.input<S[K]> };
type Outputs<S extends Schemas> = { -readonly [K in keyof S]: z.output<S[K]> };

export type SessionContext = { user: CurrentUser; db: ScopedDb };

type Options<S extends Schemas> = { onSuccess?: (...args: Outputs<S>) => void };

function parseArgs<S extends Schemas>(schemas: S, args: unknown[]): Outputs<S> {
  return schemas.map((schema, index) => schema.parse(args[index])) as Outputs<S>;
}

function sessionAction<S extends Schemas, T>(
  role: "admin" | "member",
  schemas: S,
  body: (context: SessionContext, ...args: Outputs<S>) => Promise<T>,
  options: Options<S>,
) {
  return async (...args: Inputs<S>): Promise<ActionResult<T>> =>
    runAction(async () => {
      const context = await requireUser(role === "admin" ? { role: "admin" } : {});
      const parsed = parseArgs(schemas, args);
      const result = await body(context, ...parsed);
      options.onSuccess?.(...parsed);
      return result;
    });
}

/** An action only an administrator of the account may call. */
export function adminAction<const S extends Schemas, T>(
  schemas: S,
  body: (context: SessionContext, ...args: Outputs<S>) => Promise<T>,
  options: Options<S> = {},
) {
  return sessionAction("admin", schemas, body, options);
}

/** An action any signed-in user (admin or member) may call: it must change nothing a member may not change. */
export function userAction<const S extends Schemas, T>(
  schemas: S,
  body: (context: SessionContext, ...args: Outputs<S>) => Promise<T>,
  options: Options<S> = {},
) {
  return sessionAction("member", schemas, body, options);
}

/** An action with no session, e.g. the first sign-up through a setup link: its input is its only credential. */
export function publicAction<const S extends Schemas, T>(
  schemas: S,
  body: (...args: Outputs<S>) => Promise<T>,
  options: Options<S> = {},
) {
  return async (...args: Inputs<S>): Promise<ActionResult<T>> =>
    runAction(async () => {
      const parsed = parseArgs(schemas, args);
      const result = await body(...parsed);
      options.onSuccess?.(...parsed);
      return result;
    });
}
