import { getTranslations } from "next-intl/server";
import { ErrorScreen } from "@/components/error-screen";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <ErrorScreen
      status={404}
      title={t("notFoundTitle")}
      text={t("notFoundText")}
      backHref="/"
      backLabel={t("backHome")}
    />
  );
}
