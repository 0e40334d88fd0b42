import type { ScopedDb } from "@/lib/db/scoped-db";

/** Channel ids (`widget_id`) this integration has already heard from, newest first, as picks for the channel step. */
export async function listChannelSuggestions(db: ScopedDb, integrationId: string): Promise<string[]> {
  const rows = await db.webhookEvent.findMany({
    where: { integrationId: String(integrationId), widgetId: { not: null } },
    distinct: ["widgetId"],
    orderBy: { receivedAt: "desc" },
    select: { widgetId: true },
    take: 20,
  });
  return rows.flatMap((row) => (row.widgetId ? [row.widgetId] : []));
}
