"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { WizardStep } from "@/lib/integration-model/wizard-steps";

type NavStep = { step: WizardStep; completed: boolean; reachable: boolean };

export function WizardNav({ integrationId, steps }: { integrationId: string; steps: NavStep[] }) {
  const t = useTranslations("wizard");
  const pathname = usePathname();
  return (
    <nav aria-label={t("stepsLabel")} className="min-w-0">
      <ol className="flex gap-2 overflow-x-auto lg:flex-col">
        {steps.map(({ step, completed, reachable }, index) => {
          const href = `/integrations/jivo/${integrationId}/${step}`;
          const current = pathname === href;
          const marker = completed ? "✓" : String(index + 1);
          const body = (
            <>
              <span
                aria-hidden
                className={`grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${
                  completed
                    ? "bg-emerald-600 text-white"
                    : current
                      ? "bg-brand-600 text-white"
                      : "bg-slate-200 text-slate-700"
                }`}
              >
                {marker}
              </span>
              <span>
                {t(`steps.${step}.title`)}
                {completed ? <span className="sr-only"> ({t("completed")})</span> : null}
              </span>
            </>
          );
          const base = "flex items-center gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm";
          return (
            <li key={step} data-testid={`wizard-step-${step}`} data-completed={completed || undefined}>
              {reachable ? (
                <Link
                  href={href}
                  aria-current={current ? "step" : undefined}
                  className={`${base} ${current ? "bg-white font-semibold text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-700 hover:bg-white"}`}
                >
                  {body}
                </Link>
              ) : (
                <span aria-disabled className={`${base} text-slate-400`}>
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
