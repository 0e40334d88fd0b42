import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect("/integrations");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never bounce a signed-in user to another host.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/integrations";
  const t = await getTranslations("login");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <LoginForm callbackUrl={target} />
    </AuthCard>
  );
}
