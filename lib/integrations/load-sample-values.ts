import type { ScopedDb } from "@/lib/db/scoped-db";
import { parseJivoEvent } from "@/lib/jivo/normalize-event";
import { STANDARD_FIELDS, type StandardFieldKey } from "@/lib/jivo/standard-fields";

const MAX_SAMPLE_CHARS = 80;

/**
 * What each JivoChat field held in the integration's last received event, so the mapping screen can show
 * "e.g. Mariana Conceição" next to each source. Empty when nothing arrived yet (or the payload was purged).
 */
export async function loadSampleValues(db: ScopedDb, integrationId: string): Promise<Partial<Record<StandardFieldKey, string>>> {
  const last = await db.webhookEvent.findFirst({
    where: { integrationId: String(integrationId), rawPayload: { not: null } },
    orderBy: { receivedAt: "desc" },
    select: { rawPayload: true, receivedAt: true },
  });
  if (!last?.rawPayload) return {};
  let body: unknown;
  try {
    body = JSON.parse(last.rawPayload);
  } catch {
    return {};
  }
  const parsed = parseJivoEvent(body, { receivedAt: last.receivedAt });
  if (!parsed.ok) return {};
  const samples: Partial<Record<StandardFieldKey, string>> = {};
  for (const field of STANDARD_FIELDS) {
    const value = field.read(parsed.event);
    if (value === null || value === "") continue;
    const text = String(value).replace(/\s+/g, " ").trim();
    samples[field.key] = text.length > MAX_SAMPLE_CHARS ? `${text.slice(0, MAX_SAMPLE_CHARS - 1)}…` : text;
  }
  return samples;
}
