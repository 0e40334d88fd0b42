"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionReason } from "@/components/use-action-error";
import type { ActionResult } from "@/lib/http/action-result";
import { changeRoleAction, removeUserAction } from "./actions";

type Row = { id: string; name: string; email: string; role: string; createdAt: Date };

export function UsersTable({ users, currentUserId }: { users: Row[]; currentUserId: string }) {
  const t = useTranslations("users");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reason = useActionReason();

  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (reason(result) ?? t("failed")));
    });

  return (
    <section aria-labelledby="users-list" className="rounded-xl border border-slate-200 bg-white">
      <h2 id="users-list" className="sr-only">
        {t("listTitle")}
      </h2>
      {error ? (
        <div className="p-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">{t("name")}</th>
              <th className="px-4 py-3">{t("email")}</th>
              <th className="px-4 py-3">{t("role")}</th>
              <th className="px-4 py-3 text-right">{t("actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} data-testid={`user-row-${user.email}`}>
                <td className="px-4 py-3 font-medium">{user.name}</td>
                <td className="px-4 py-3 text-slate-600">{user.email}</td>
                <td className="px-4 py-3">
                  <select
                    aria-label={t("roleFor", { name: user.name })}
                    className="rounded-md border border-slate-300 px-2 py-1"
                    value={user.role}
                    disabled={pending || user.id === currentUserId}
                    onChange={(event) => run(() => changeRoleAction(user.id, event.target.value))}
                  >
                    <option value="admin">{t("roles.admin")}</option>
                    <option value="member">{t("roles.member")}</option>
                  </select>
                </td>
                <td className="px-4 py-3 text-right">
                  {user.id === currentUserId ? (
                    <span className="text-xs text-slate-500">{t("you")}</span>
                  ) : (
                    <Button
                      variant="ghost"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(t("confirmRemove", { name: user.name }))) run(() => removeUserAction(user.id));
                      }}
                    >
                      {t("remove")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
