import { getTranslations } from "next-intl/server";

export async function Logo() {
  const t = await getTranslations("app");
  return (
    <span className="flex items-center gap-2 font-semibold text-slate-900">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-sm text-white">
        P
      </span>
      {t("name")}
    </span>
  );
}
