import { systemDb } from "@/lib/db/client";

/**
 * Ends every session of the user: tokens carry the version they were issued with (auth-options.ts) and
 * current-user.ts refuses any other. With `fromVersion`, only if the caller's token is still current (a stale
 * cookie cannot sign the user out again and again).
 */
export async function endSessions(userId: string, fromVersion?: number): Promise<void> {
  await systemDb.user.updateMany({
    where: { id: userId, ...(fromVersion === undefined ? {} : { sessionVersion: fromVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
}
