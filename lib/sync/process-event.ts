import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clearIntegrationFlag, flagIntegration } from "@/lib/alerts/start-alerts";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { parseSettings } from "@/lib/integration-model/settings-schema";
import { parseJivoEvent } from "@/lib/jivo/normalize-event";
import type { ClaimedJob, JobOutcome } from "@/lib/jobs/run-worker";
import type { PloomesCallRecord } from "@/lib/ploomes/client";
import { PloomesError } from "@/lib/ploomes/errors";
import { acquireIdentityLocks, type IdentityLease } from "@/lib/jobs/identity-locks";
import { LEASE_MS } from "@/lib/jobs/claim-next-job";
import { logger } from "@/lib/log/logger";
import { applyClientUpdate } from "./apply-client-update";
import { callFacts, callPlanner } from "./calls";
import { executeStep } from "./execute-step";
import { accountScopeOf, identityKeysOf } from "./identity-keys";
import { clearMetadata } from "@/lib/ploomes/metadata";
import { planNextStep } from "./plan-next-step";
import { prepareSyncContext } from "./prepare-sync-context";
import { forgetEarlierMisses, parseOutcome, type SyncOutcome, WRITE_STEPS } from "./sync-outcome";
import { rememberVisitor } from "./visitor-link";

const WRITES = new Set<string>(WRITE_STEPS);

// How long a write sent without an answer may still take to land in Ploomes (as the origin lock assumes).
const UNANSWERED_WRITE_MS = env.PLOOMES_TIMEOUT_MS * 5;
// A dead holder's identities free up with its job's lease, plus the time a write of it might take to land.
const IDENTITY_LOCK_TTL_MS = LEASE_MS + UNANSWERED_WRITE_MS;
const IDENTITY_BUSY =
  "Aguardando outro evento do mesmo cliente (mesmo e-mail, telefone ou empresa) terminar no Ploomes.";
/** A short, spread-out wait: the holder usually finishes in seconds, and waiters must not poll in step. */
const deferDelayMs = () => 300 + Math.round(Math.random() * 900);

type PlanEntry = { step: string; attempt: number; at: string; result?: Partial<SyncOutcome> };

/**
 * Processes one queued event: plans and carries out the Ploomes calls one by one, storing each result (and each
 * call, for the log) as soon as Ploomes answers, so that a retry — after a 500, a 429 or a crash — resumes
 * instead of creating a second company, person or deal.
 */
export async function processEvent(job: ClaimedJob, signal: AbortSignal): Promise<JobOutcome> {
  const event = await systemDb.webhookEvent.findUnique({
    where: { id: job.eventId },
    include: { integration: { include: { connection: true } } },
  });
  if (!event) return { kind: "failed", error: "Evento não encontrado." };
  const { integration } = event;
  if (integration.status === "inactive") return { kind: "failed", error: "Integração desativada." };
  if (!integration.connection) {
    await flagIntegration(integration.id, "Sem conexão com o Ploomes: conecte uma conta na integração.");
    return { kind: "failed", error: "Integração sem conexão com o Ploomes." };
  }
  if (!event.rawPayload) return { kind: "failed", error: "O conteúdo do evento já foi apagado (prazo de retenção)." };

  const calls: PloomesCallRecord[] = [];
  const plan: PlanEntry[] = event.plan ? (JSON.parse(event.plan) as PlanEntry[]) : [];
  let outcome = parseOutcome(event.outcome);
  const flushCalls = async () => {
    if (calls.length === 0) return;
    const batch = calls.splice(0);
    await systemDb.ploomesCall.createMany({
      data: batch.map((call) => ({
        eventId: event.id,
        method: call.method,
        path: call.path,
        status: call.status ?? null,
        durationMs: call.durationMs,
        error: call.error ? call.error.message.slice(0, 1000) : null,
        attempt: job.attempts,
      })),
    });
  };

  let lease: IdentityLease | null = null;
  let lingerMs = 0;
  try {
    const settings = parseSettings(integration.settings);
    const parsed = parseJivoEvent(JSON.parse(event.rawPayload), { receivedAt: event.receivedAt });
    if (!parsed.ok) return { kind: "failed", error: parsed.error };
    const { connection } = integration;
    const client = connectionClient(connection, (call) => calls.push(call));
    if (parsed.event.eventName === "client_updated") {
      // Not a chat: the visitor's new contact details go to the client already written (apply-client-update.ts).
      const contactUpdate = await applyClientUpdate(client, integration.id, parsed.event);
      outcome = { ...outcome, contactUpdate };
      plan.push({
        step: "updateClient",
        attempt: job.attempts,
        at: new Date().toISOString(),
        result: { contactUpdate },
      });
      await systemDb.webhookEvent.update({
        where: { id: event.id },
        data: { outcome: JSON.stringify(outcome), plan: JSON.stringify(plan) },
      });
      await flushCalls();
      return { kind: "done" };
    }
    const prepare = () => prepareSyncContext(parsed.event, settings, connection.id, client, job.attempts);
    let ctx = await prepare();
    await flushCalls();

    // Who the records are about: no other job of this Ploomes account may look them up or create them meanwhile.
    lease = await acquireIdentityLocks({
      accountScope: accountScopeOf(connection),
      keys: identityKeysOf(ctx),
      jobId: job.id,
      attempt: job.attempts,
      ttlMs: IDENTITY_LOCK_TTL_MS,
    });
    if (!lease) return { kind: "deferred", reason: IDENTITY_BUSY, delayMs: deferDelayMs() };
    outcome = forgetEarlierMisses(outcome, job.attempts);

    await systemDb.webhookEvent.update({ where: { id: event.id }, data: { status: "processing" } });
    // A finished call has a planner of its own (same client rules, an interaction record, no deal): call-record.ts.
    const planner = async () =>
      (await callPlanner(parsed.event, ctx, () => callFacts(integration.id, parsed.event, event))) ??
      ((current: SyncOutcome) => planNextStep(ctx, current));
    let next = await planner();
    let refreshed = false;
    for (let step = next(outcome); step; step = next(outcome)) {
      signal.throwIfAborted();
      if (WRITES.has(step.kind)) {
        // Stored before the write: if its answer is lost, the next attempt knows to look for the record first.
        outcome = { ...outcome, inFlight: step.kind as SyncOutcome["inFlight"] };
        await systemDb.webhookEvent.update({ where: { id: event.id }, data: { outcome: JSON.stringify(outcome) } });
      }
      let result: Partial<SyncOutcome>;
      try {
        result = await executeStep(client, step, job.attempts);
      } catch (error) {
        // A write refused because an id from the metadata cache (origin, owner, funnel, stage, field) no longer
        // exists: the cache is reloaded and the step planned again, once.
        if (refreshed || !WRITES.has(step.kind) || !refusedForStaleId(error)) throw error;
        refreshed = true;
        await flushCalls();
        await clearMetadata(connection.id);
        ctx = await prepare();
        next = await planner();
        outcome = { ...outcome, inFlight: undefined };
        await systemDb.webhookEvent.update({ where: { id: event.id }, data: { outcome: JSON.stringify(outcome) } });
        await flushCalls();
        continue;
      }
      outcome = { ...outcome, ...result, inFlight: undefined };
      plan.push({ step: step.kind, attempt: job.attempts, at: new Date().toISOString(), result });
      await systemDb.webhookEvent.update({
        where: { id: event.id },
        data: { outcome: JSON.stringify(outcome), plan: JSON.stringify(plan) },
      });
      await flushCalls();
    }
    await systemDb.webhookEvent.update({
      where: { id: event.id },
      data: { warnings: ctx.drafts.warnings.length ? JSON.stringify(ctx.drafts.warnings) : null },
    });
    await rememberVisitor(integration.id, parsed.event, outcome);
    if (integration.flaggedReason) await clearIntegrationFlag(integration.id);
    return { kind: "done" };
  } catch (error) {
    await flushCalls().catch(() => undefined);
    // A write sent without an answer may still land: the identity stays held long enough for it to show up.
    if (outcome.inFlight && error instanceof PloomesError && error.status === undefined) lingerMs = UNANSWERED_WRITE_MS;
    return classifyFailure(error, integration.id);
  } finally {
    await lease
      ?.release({ lingerMs })
      .catch((error: unknown) => logger.warn({ err: error, jobId: job.id }, "could not release identity locks"));
  }
}

/** A 400 naming a property whose id came from the metadata cache, as Ploomes (or the sandbox) refuses a missing one. */
export function refusedForStaleId(error: unknown): boolean {
  if (!(error instanceof PloomesError) || error.status !== 400) return false;
  return /\b(OriginId|OwnerId|PipelineId|StageId|FieldKey)\b/i.test(error.message);
}

/** What a failed attempt means for its job: retry (when), or fail for good (flagging the integration). */
export async function classifyFailure(error: unknown, integrationId: string): Promise<JobOutcome> {
  if (error instanceof PloomesError) {
    // No answer (a timeout, the network): a write may still land in Ploomes, so the retry — which looks for it
    // before writing again — waits at least as long as the client waited.
    const unanswered = error.status === undefined;
    const retryAfterMs = unanswered ? Math.max(error.retryAfterMs ?? 0, env.PLOOMES_TIMEOUT_MS) : error.retryAfterMs;
    if (error.retryable) return { kind: "retry", error: error.message, retryAfterMs };
    if (error.kind === "unauthorized" || error.kind === "forbidden") {
      await flagIntegration(
        integrationId,
        `O Ploomes recusou a chave da API (${error.status}). Gere uma nova chave e reconecte.`,
      );
    } else {
      await flagIntegration(integrationId, `O Ploomes recusou uma gravação: ${error.message}`);
    }
    return { kind: "failed", error: error.message };
  }
  if (error instanceof AppError) {
    await flagIntegration(integrationId, error.message);
    return { kind: "failed", error: error.message };
  }
  if (error instanceof Error && error.name === "ZodError") {
    await flagIntegration(integrationId, "Configuração da integração incompleta ou inválida: revise o assistente.");
    return { kind: "failed", error: "Configuração da integração inválida." };
  }
  if (error instanceof Error && error.name === "AbortError") throw error;
  return { kind: "retry", error: error instanceof Error ? error.message : String(error) };
}

/** Mirrors a job's fate on its event (the log shows events, not jobs). */
export async function settleEvent(
  eventId: string,
  settled: { status: string; error?: string; reason?: string },
  db: Prisma.TransactionClient = systemDb,
): Promise<void> {
  if (settled.status === "deferred") {
    // Waiting in the queue again, nothing attempted: the event is back to "received", saying why.
    await db.webhookEvent.update({
      where: { id: eventId },
      data: { status: "received", statusReason: settled.reason?.slice(0, 1000) ?? null },
    });
    return;
  }
  const status = settled.status === "done" ? "done" : settled.status === "retrying" ? "retrying" : "failed";
  await db.webhookEvent.update({
    where: { id: eventId },
    data: {
      status,
      statusReason: settled.error?.slice(0, 1000) ?? null,
      processedAt: status === "retrying" ? undefined : new Date(),
    },
  });
}
