import { AppError } from "@/lib/errors/app-error";
import {
  behaviourCreatesDeal,
  CUSTOM_PREFIX,
  mappingsFor,
  type IntegrationSettings,
} from "@/lib/integration-model/settings-schema";
import { buildTranscript } from "@/lib/jivo/build-transcript";
import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { readStandardField, STANDARD_FIELD_KEYS, type StandardFieldKey } from "@/lib/jivo/standard-fields";
import type { PloomesClient } from "@/lib/ploomes/client";
import type { FieldType } from "@/lib/ploomes/convert-field-value";
import { cachedMetadata, peekMetadata } from "@/lib/ploomes/metadata";
import { isCustomField, type User } from "@/lib/ploomes/schemas";
import { buildRecordBodies } from "./build-record-bodies";
import type { PlanContext } from "./plan-next-step";
import type { WarningCode } from "./sync-outcome";

// The context the planner works from: settings, metadata, owner, title and record bodies of one event.

export function effectiveBehaviour(event: JivoEvent, settings: IntegrationSettings) {
  return event.eventName === "offline_message" && settings.offlineBehaviour === "lead" ? "lead" : settings.behaviour;
}

/**
 * Everything the planner needs that comes from Ploomes' metadata (cached): origin, owner, custom field types, and
 * the check that the configured funnel stage still exists. Throws AppError("CONFLICT") naming what is missing.
 */
export async function prepareSyncContext(
  event: JivoEvent,
  settings: IntegrationSettings,
  connectionId: string,
  client: PloomesClient,
  attempt: number,
  options: { readOnly?: boolean } = {},
): Promise<PlanContext> {
  const behaviour = effectiveBehaviour(event, settings);
  // A dry run must not create the "JivoChat" origin: it uses the cached one, if any.
  const origin = options.readOnly
    ? await peekMetadata(connectionId, client, "origin")
    : await cachedMetadata(connectionId, client, "origin");

  const agentEmail = event.agent?.email;
  const needsUsers = Boolean(settings.defaultOwnerId) || (settings.ownerFromAgent && Boolean(agentEmail));
  const owner = chooseOwner(
    needsUsers ? await cachedMetadata(connectionId, client, "users") : [],
    settings,
    agentEmail,
  );

  const fieldTypes = new Map<string, FieldType>();
  const mappings = mappingsFor(settings, behaviour);
  const customKeys = mappings
    .filter((m) => m.field.startsWith(CUSTOM_PREFIX))
    .map((m) => m.field.slice(CUSTOM_PREFIX.length));
  if (customKeys.length > 0) {
    let fields = await cachedMetadata(connectionId, client, "fields");
    if (customKeys.some((key) => !fields.some((field) => field.Key === key))) {
      fields = await cachedMetadata(connectionId, client, "fields", { refresh: true });
    }
    // A native field mapped as custom (saved before fields were told apart) is skipped with a warning, not sent.
    for (const field of fields.filter(isCustomField)) {
      fieldTypes.set(field.Key, { nativeType: field.Type.NativeType, optionsTableId: field.OptionsTableId });
    }
    const missing = customKeys.filter((key) => !fields.some((field) => field.Key === key));
    if (missing.length)
      throw new AppError("CONFLICT", `Campo personalizado não existe mais no Ploomes: ${missing.join(", ")}`, {
        fields: { _: "customFieldGone" },
        params: { fields: missing.join(", ") },
      });
  }

  if (behaviourCreatesDeal(behaviour) && settings.stageId) {
    const hasStage = (pipelines: Awaited<ReturnType<PloomesClient["listPipelines"]>>) =>
      pipelines.some((p) => p.Id === settings.pipelineId && p.Stages?.some((s) => s.Id === settings.stageId));
    let pipelines = await cachedMetadata(connectionId, client, "pipelines");
    if (!hasStage(pipelines)) pipelines = await cachedMetadata(connectionId, client, "pipelines", { refresh: true });
    if (!hasStage(pipelines)) {
      throw new AppError(
        "CONFLICT",
        `O funil/estágio configurado (${settings.pipelineId}/${settings.stageId}) não existe mais no Ploomes.`,
        {
          fields: { _: "stageGone" },
          params: { pipelineId: settings.pipelineId ?? "-", stageId: settings.stageId },
        },
      );
    }
  }

  const firstMessage = event.messages[0]?.at ?? event.eventAt ?? new Date();
  const marker = `[JivoChat ${event.widgetId ?? "-"}/${event.chatId ?? event.offlineMessageId ?? "-"}]`;
  const drafts = buildRecordBodies(event, mappings, fieldTypes);
  drafts.warnings.push(...owner.warnings.map((code) => ({ code })));
  return {
    behaviour,
    drafts,
    pipelineId: settings.pipelineId,
    stageId: settings.stageId,
    avoidDuplicateDeals: settings.avoidDuplicateDeals,
    dealTitle: renderTitle(settings.dealTitleTemplate, event),
    ownerId: owner.ownerId,
    originId: origin?.Id ?? null,
    transcript:
      settings.writeTranscript && behaviour !== "lead" && (event.messages.length > 0 || event.offlineMessage)
        ? `${buildTranscript(event)}\n\n${marker}`
        : null,
    transcriptMarker: marker,
    transcriptDate: firstMessage.toISOString(),
    personFallbackName:
      event.visitor.email ??
      event.visitor.phone ??
      `Visitante JivoChat ${event.visitor.number ?? event.chatId ?? ""}`.trim(),
    attempt,
  };
}

export type OwnerChoice = {
  ownerId: number | null;
  warnings: Extract<WarningCode, "agent_suspended" | "default_owner_suspended">[];
};

/**
 * Who owns what a chat creates: the chat's agent when a Ploomes user has their e-mail, else the default owner,
 * else nobody (Ploomes gives it to the key's integration user). A suspended user is never chosen: the next choice
 * is taken, and the warning says who was passed over.
 */
export function chooseOwner(
  users: readonly User[],
  settings: Pick<IntegrationSettings, "defaultOwnerId" | "ownerFromAgent">,
  agentEmail: string | null | undefined,
): OwnerChoice {
  const warnings: OwnerChoice["warnings"] = [];
  const email = agentEmail?.trim().toLowerCase();
  if (settings.ownerFromAgent && email) {
    const agent = users.find((user) => user.Email?.toLowerCase() === email);
    if (agent && !agent.Suspended) return { ownerId: agent.Id, warnings };
    if (agent) warnings.push("agent_suspended");
  }
  const fallback = settings.defaultOwnerId;
  if (fallback && users.find((user) => user.Id === fallback)?.Suspended) {
    warnings.push("default_owner_suspended");
    return { ownerId: null, warnings };
  }
  return { ownerId: fallback, warnings };
}

// Portuguese placeholders an admin may type, besides the field keys themselves ({visitor.name}).
const ALIASES: Record<string, StandardFieldKey> = {
  "nome do visitante": "visitor.name",
  nome: "visitor.name",
  "e-mail": "visitor.email",
  email: "visitor.email",
  telefone: "visitor.phone",
  empresa: "organization.name",
  canal: "widget_id",
  página: "page.url",
  atendente: "agent.name",
  "visitor name": "visitor.name",
  company: "organization.name",
};

export function renderTitle(template: string, event: JivoEvent): string {
  const rendered = template.replace(/\{([^{}]+)\}/g, (whole, raw: string) => {
    const name = raw.trim().toLowerCase();
    const key =
      ALIASES[name] ?? (STANDARD_FIELD_KEYS as readonly string[]).find((candidate) => candidate === raw.trim());
    if (!key) return whole;
    const value = readStandardField(key as StandardFieldKey, event);
    return value === null ? "" : String(value);
  });
  const clean = rendered
    .replace(/\s+/g, " ")
    .replace(/[\s–—-]+$/, "")
    .trim();
  return clean || `JivoChat #${event.chatId ?? event.offlineMessageId ?? "?"}`;
}
