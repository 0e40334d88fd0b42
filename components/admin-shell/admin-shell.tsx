import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { Logo } from "@/components/logo";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

type ShellUser = { name: string; email: string; role: "admin" | "member" };

export async function AdminShell({
  accountName,
  user,
  children,
}: {
  accountName: string;
  user: ShellUser;
  children: ReactNode;
}) {
  const t = await getTranslations("shell");
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-4">
            <Logo />
            <span className="hidden h-6 w-px bg-slate-200 sm:block" aria-hidden />
            <span className="text-sm text-slate-600" data-testid="account-name">
              {accountName}
            </span>
          </div>
          <div className="flex items-center gap-3">
            <LanguageSwitch />
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 sm:px-6">
          <MainNav />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
