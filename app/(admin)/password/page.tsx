import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/page-header";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("password"))("title") };
}

export default async function ChangePasswordPage() {
  await requirePageUser();
  const t = await getTranslations("password");
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <ChangePasswordForm />
    </div>
  );
}
