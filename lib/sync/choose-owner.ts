import type { IntegrationSettings } from "@/lib/integrations/settings-schema";
import type { User } from "@/lib/ploomes/schemas";
import type { WarningCode } from "./sync-outcome";

export type OwnerChoice = { ownerId: number | null; warnings: Extract<WarningCode, "agent_suspended" | "default_owner_suspended">[] };

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
