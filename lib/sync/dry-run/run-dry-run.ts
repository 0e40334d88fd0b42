import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import type { JivoEvent } from "@/lib/jivo/normalize-event";
import type { PloomesClient } from "@/lib/ploomes/client";
import { dryRunEvent, type DryRunReport } from "./dry-run-event";
import { cachedMetadata, peekMetadata } from "@/lib/ploomes/metadata";
import { eventDisposition } from "@/lib/sync/event-disposition";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { describeDryRun, describeEvent, type DryRunView } from "./describe-dry-run";
import type { PloomesNames } from "./describe-record-body";
import { requireIntegration } from "@/lib/integration-model/integration";
import { ploomesAppError } from "@/lib/ploomes/app-error";
import { readDraftSettings, firstIncompleteStep } from "@/lib/integration-model/draft-settings";
import { resolveDryRunEvent, dryRunSourceSchema } from "./dry-run-sources";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import { SETTINGS_STEPS, visibleSteps } from "@/lib/integration-model/wizard-steps";

/** Only the metadata the plan names: usually already cached by the wizard, so no request at all. */
async function loadNames(
  connectionId: string,
  client: PloomesClient,
  report: DryRunReport,
  settings: IntegrationSettings,
  event: JivoEvent,
): Promise<PloomesNames> {
  const bodies = report.steps.map(({ step }) => ("body" in step ? (step.body as Record<string, unknown>) : {}));
  const needsUsers = bodies.some((body) => body.OwnerId) || (settings.ownerFromAgent && Boolean(event.agent?.email));
  const needsFields =
    bodies.some((body) => body.OtherProperties) || report.warnings.some((warning) => warning.field?.includes(":"));
  const [pipelines, users, fields, origin] = await Promise.all([
    bodies.some((body) => body.StageId) ? cachedMetadata(connectionId, client, "pipelines") : [],
    needsUsers ? cachedMetadata(connectionId, client, "users") : [],
    needsFields ? cachedMetadata(connectionId, client, "fields") : [],
    peekMetadata(connectionId, client, "origin"),
  ]);
  return { pipelines, users, fields, origin };
}

/**
 * "O que este chat criaria?": plans a chat with the integration's saved settings, exactly as the worker would,
 * with real read-only look-ups through the account's normal Ploomes budget and every write only described.
 * Nothing is written to Ploomes.
 */
export async function runDryRun(db: ScopedDb, integrationId: string, input: unknown): Promise<DryRunView> {
  const source = dryRunSourceSchema.parse(input);
  const integration = await requireIntegration(db, integrationId);
  const connection = integration.connectionId
    ? await db.ploomesConnection.findFirst({ where: { id: integration.connectionId } })
    : null;
  if (!connection)
    throw new AppError("CONFLICT", "The integration has no Ploomes connection yet.", {
      fields: { _: "connectionRequired" },
    });

  const { event, sample } = await resolveDryRunEvent(db, integration.id, source);
  const settings = readDraftSettings(integration.settings);
  const incompleteStep = firstIncompleteStep(
    settings,
    SETTINGS_STEPS.filter((step) => visibleSteps(settings.behaviour).includes(step)),
  );
  // Judged as if the integration were active (a paused one would only park the chat). A bundled sample's channel
  // is made up, so the channel filter does not apply to it.
  const disposition = eventDisposition(event, { status: "active" }, sample ? { ...settings, widgetIds: [] } : settings);
  // A contact update plans no chat: it only patches the client already written for the visitor (apply-client-update).
  const notPlanned =
    disposition.status !== "received"
      ? disposition.reason
      : event.eventName === "client_updated"
        ? "contact_update"
        : null;
  if (notPlanned) {
    return {
      ...describeEvent(event),
      behaviour: settings.behaviour,
      ignoredReason: notPlanned,
      incompleteStep,
      items: [],
      warnings: [],
      dealTitle: null,
      writeTranscript: settings.writeTranscript,
      requests: 0,
    };
  }

  let requests = 0;
  const client = connectionClient(connection, () => {
    requests += 1;
  });
  try {
    const report = await dryRunEvent(event, settings, connection.id, client);
    const names = await loadNames(connection.id, client, report, settings, event);
    return describeDryRun(report, {
      event,
      settings,
      names,
      isSandbox: connection.isSandbox,
      requests,
      incompleteStep,
    });
  } catch (error) {
    // The saved settings point at a funnel, stage or field Ploomes no longer has: say which, the check tells how to fix.
    if (error instanceof AppError && error.code === "CONFLICT")
      throw new AppError("CONFLICT", error.message, {
        fields: { _: "dryRunBlocked" },
        params: { reason: error.fields?._ ?? "", ...error.params },
      });
    throw ploomesAppError(error);
  }
}
