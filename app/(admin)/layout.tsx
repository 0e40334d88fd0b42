import { requirePageUser } from "@/lib/auth/current-user";
import { AdminShell } from "@/components/admin-shell/admin-shell";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requirePageUser();
  return (
    <AdminShell accountName={user.account.name} user={{ name: user.name, email: user.email, role: user.role }}>
      {children}
    </AdminShell>
  );
}
