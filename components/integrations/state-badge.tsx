import { useTranslations } from "next-intl";
import type { ConnectorState, IntegrationState } from "@/lib/integration-model/integration";

const TONES: Record<IntegrationState | ConnectorState, string> = {
  disabled: "bg-slate-100 text-slate-700",
  draft: "bg-slate-100 text-slate-700",
  inactive: "bg-slate-100 text-slate-700",
  active: "bg-emerald-100 text-emerald-800",
  paused: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-800",
};

export function StateBadge({ state }: { state: IntegrationState | ConnectorState }) {
  const t = useTranslations("integrations.states");
  return (
    <span
      data-state={state}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${TONES[state]}`}
    >
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-current" />
      {t(state)}
    </span>
  );
}
