import type { PloomesOptions } from "@/lib/integrations/settings";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";

/** What a step with Ploomes pickers gets from its page: settings, options (or why they did not load), footer links. */
export type PickerStepProps = {
  integrationId: string;
  settings: IntegrationSettings;
  canEdit: boolean;
  options: PloomesOptions;
  optionsErrorKey: string | null;
  backHref?: string;
  nextHref?: string;
};
