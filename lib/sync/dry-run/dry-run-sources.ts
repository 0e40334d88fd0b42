import { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { parseJivoEvent, type JivoEvent } from "@/lib/jivo/normalize-event";
import { freshSample, SAMPLE_PAYLOADS, type SampleName } from "@/lib/jivo/sample-payloads";

// The chats a dry run can plan: a stored event of the integration or a bundled sample.

// JivoChat's deliveries are a few kilobytes; a pasted text far larger is a mistake, not a chat.
const MAX_PASTED_CHARS = 200_000;
const SAMPLE_NAMES = Object.keys(SAMPLE_PAYLOADS) as [SampleName, ...SampleName[]];

/** Which chat the dry run plans: one the integration received, a bundled sample, or a payload pasted by the admin. */
export const dryRunSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), eventId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("sample"), name: z.enum(SAMPLE_NAMES) }),
  z.object({ kind: z.literal("pasted"), json: z.string() }),
]);

export type DryRunSource = z.infer<typeof dryRunSourceSchema>;

const invalid = (key: string, message: string) => new AppError("VALIDATION", message, { fields: { _: key } });

async function storedPayload(
  db: ScopedDb,
  integrationId: string,
  eventId: string,
): Promise<{ body: unknown; receivedAt: Date }> {
  const row = await db.webhookEvent.findFirst({
    where: { id: eventId, integrationId },
    select: { rawPayload: true, receivedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Event not found.", { fields: { _: "eventNotFound" } });
  if (!row.rawPayload) throw invalid("dryRunPayloadPurged", "The event's payload was deleted (retention period).");
  return { body: parseJson(row.rawPayload), receivedAt: row.receivedAt };
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw invalid("dryRunInvalidJson", "The pasted text is not valid JSON.");
  }
}

function pastedPayload(json: string): unknown {
  if (json.length > MAX_PASTED_CHARS)
    throw invalid("dryRunTooLarge", "The pasted text is too large for a JivoChat event.");
  return parseJson(json);
}

/** The JivoChat event a dry-run source stands for; `sample` says it was one of the bundled examples. */
export async function resolveDryRunEvent(
  db: ScopedDb,
  integrationId: string,
  source: DryRunSource,
): Promise<{ event: JivoEvent; sample: boolean }> {
  const { body, receivedAt } =
    source.kind === "event"
      ? await storedPayload(db, integrationId, source.eventId)
      : {
          body: source.kind === "sample" ? freshSample(source.name) : pastedPayload(source.json),
          receivedAt: new Date(),
        };
  const parsed = parseJivoEvent(body, { receivedAt });
  if (!parsed.ok) throw invalid("dryRunNotJivo", `Not a JivoChat event: ${parsed.error}.`);
  return { event: parsed.event, sample: source.kind === "sample" };
}

// The events that create records (chat_accepted only with "Criar cliente já no início do atendimento").
const PLANNED_EVENTS = ["chat_finished", "offline_message", "chat_accepted"];
const RECENT = 10;

/** What the dry run can plan: the integration's last received events (while their payload is kept) and the bundled samples. */
export async function loadDryRunSources(db: ScopedDb, integrationId: string) {
  const events = await db.webhookEvent.findMany({
    where: { integrationId: String(integrationId), eventName: { in: PLANNED_EVENTS }, rawPayload: { not: null } },
    orderBy: { receivedAt: "desc" },
    take: RECENT,
    select: { id: true, eventName: true, receivedAt: true, visitorName: true, visitorEmail: true, visitorPhone: true },
  });
  return { events, samples: Object.keys(SAMPLE_PAYLOADS) as SampleName[] };
}

export type DryRunSources = Awaited<ReturnType<typeof loadDryRunSources>>;
