import type { PloomesOptions } from "@/lib/integrations/load-ploomes-options";
import type { IntegrationSettings } from "@/lib/integrations/settings-schema";

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
