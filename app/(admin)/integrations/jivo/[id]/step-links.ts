import type { Behaviour } from "@/lib/integration-model/settings-schema";
import { stepAfter, stepBefore, type WizardStep } from "@/lib/integration-model/wizard-steps";

/** The previous and next screens of a step, as hrefs for its footer. */
export function stepLinks(integrationId: string, step: WizardStep, behaviour: Behaviour) {
  const before = stepBefore(step, behaviour);
  const after = step === "activate" ? null : stepAfter(step, behaviour);
  const href = (target: WizardStep | null) => (target ? `/integrations/jivo/${integrationId}/${target}` : undefined);
  return { backHref: href(before), nextHref: href(after) };
}
