import { getTranslations } from "next-intl/server";
import { ErrorScreen } from "@/components/error-screen";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <ErrorScreen
      status={403}
      title={t("forbiddenTitle")}
      text={t("forbiddenText")}
      backHref="/integrations"
      backLabel={t("backHome")}
    />
  );
}
