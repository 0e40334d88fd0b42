import { useTranslations } from "next-intl";

/** Where the URL goes on JivoChat's side. */
export function JivoSetupSteps() {
  const t = useTranslations("wizard.activate.jivoSteps");
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
      <p className="font-medium">{t("title")}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
        <li>{t("step4")}</li>
        <li>{t("step5")}</li>
      </ol>
    </div>
  );
}
