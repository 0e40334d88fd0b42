import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isSetupTokenValid } from "@/lib/accounts/setup";
import { AuthCard } from "@/components/auth-card";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isSetupTokenValid(token))) notFound();
  const t = await getTranslations("setup");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <SetupForm token={token} />
    </AuthCard>
  );
}
