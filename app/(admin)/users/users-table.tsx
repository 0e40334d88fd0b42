"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable } from "@/components/ui/data-table";
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
    <Card id="users-list" title={t("listTitle")} hideTitle className="">
      {error ? (
        <div className="p-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <DataTable columns={[t("name"), t("email"), t("role"), { label: t("actions"), className: "text-right" }]}>
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <Cell className="font-medium">{user.name}</Cell>
              <Cell className="text-slate-600">{user.email}</Cell>
              <Cell>
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
              </Cell>
              <Cell className="text-right">
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
              </Cell>
            </tr>
          ))}
        </DataTable>
      </div>
    </Card>
  );
}
