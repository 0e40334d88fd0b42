import { z } from "zod";

// What the hub told JivoChat about the visitor on chat_accepted / chat_updated, stored on the event
// (WebhookEvent.agentAnswer) so the event log can say what the agent saw, or why they saw nothing.

export const AGENT_ANSWER_REASONS = [
  /** "Dados do Ploomes para o atendente" is off in the integration. */
  "feature_off",
  /** The integration is not active (draft, paused, inactive) or has no Ploomes connection. */
  "integration_not_active",
  /** The visitor gave neither an e-mail nor a phone to look up. */
  "no_contact_data",
  /** No Ploomes client has the visitor's e-mail or phone. */
  "not_found",
  /** Ploomes answered with an error (or not at all). */
  "ploomes_error",
  /** The look-up did not finish within JivoChat's time. */
  "timeout",
  /** No Ploomes call could be made within JivoChat's time (the account's budget was spent). */
  "no_budget",
] as const;
export type AgentAnswerReason = (typeof AGENT_ANSWER_REASONS)[number];

const recordSchema = z.discriminatedUnion("shown", [
  z.object({
    shown: z.literal(true),
    person: z.object({ id: z.number(), name: z.string().nullable() }),
    deal: z.object({ id: z.number(), title: z.string().nullable() }).nullable(),
    link: z.string(),
    /** What the answer filled in for the agent (name / email / phone) that the visitor had not typed. */
    contactInfo: z.array(z.string()),
    ms: z.number(),
    cached: z.boolean(),
  }),
  z.object({
    shown: z.literal(false),
    reason: z.enum(AGENT_ANSWER_REASONS),
    /** The error behind ploomes_error (never a secret: PloomesError messages carry method, path and status). */
    error: z.string().nullable(),
    ms: z.number(),
  }),
]);
export type AgentAnswerRecord = z.infer<typeof recordSchema>;

/** The stored record, or null when there is none or it cannot be read (an older or hand-edited row). */
export function parseAgentAnswer(stored: string | null | undefined): AgentAnswerRecord | null {
  if (!stored) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
