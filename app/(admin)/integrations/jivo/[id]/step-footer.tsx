"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";

/** Back / "Salvar e continuar" under every step; members, who cannot save, just move between screens. */
export function StepFooter({
  backHref,
  nextHref,
  canEdit,
  pending,
  submitLabel,
}: {
  backHref?: string;
  nextHref?: string;
  canEdit: boolean;
  pending?: boolean;
  submitLabel?: string;
}) {
  const t = useTranslations("wizard");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
      {backHref ? (
        <Link href={backHref} className={buttonClass("ghost")}>
          {t("back")}
        </Link>
      ) : (
        <span />
      )}
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : (submitLabel ?? t("saveAndContinue"))}
        </Button>
      ) : nextHref ? (
        <Link href={nextHref} className={buttonClass("secondary")}>
          {t("next")}
        </Link>
      ) : null}
    </div>
  );
}
