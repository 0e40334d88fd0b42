import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/page-header";

export default async function SandboxPage() {
  await requirePageUser();
  const t = await getTranslations("nav");
  return <PageHeader title={t("sandbox")} />;
}
