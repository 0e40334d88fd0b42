import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { appUrl } from "@/lib/env";
import { AuthCard } from "@/components/auth-card";
import { Alert } from "@/components/ui/alert";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; passwordChanged?: string }>;
}) {
  if (await currentUser()) redirect("/integrations");
  const { callbackUrl, passwordChanged } = await searchParams;
  // Only same-origin paths: never bounce a signed-in user to another host.
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null, appUrl());
  const t = await getTranslations("login");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      {passwordChanged ? (
        <div className="mb-4">
          <Alert tone="success">{t("passwordChanged")}</Alert>
        </div>
      ) : null}
      <LoginForm callbackUrl={target} />
    </AuthCard>
  );
}
