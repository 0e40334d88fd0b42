import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/page-header";
import { UsersTable } from "./users-table";
import { NewUserForm } from "./new-user-form";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const { db, user } = await requirePageUser({ role: "admin" });
  const users = await db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  const t = await getTranslations("users");
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      <UsersTable users={users} currentUserId={user.id} />
      <NewUserForm />
    </div>
  );
}
