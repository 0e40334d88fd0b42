"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { SelectInput } from "@/components/ui/form-field";

export function TenantPicker({ tenants, selectedId }: { tenants: { id: string; name: string }[]; selectedId: string }) {
  const t = useTranslations("sandbox");
  const router = useRouter();
  return (
    <div className="max-w-sm space-y-1">
      <label htmlFor="sandbox-tenant" className="block text-sm font-medium text-slate-700">
        {t("tenant")}
      </label>
      <SelectInput
        id="sandbox-tenant"
        value={selectedId}
        onChange={(event) => router.push(`/sandbox?tenant=${encodeURIComponent(event.target.value)}`)}
      >
        {tenants.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
      </SelectInput>
    </div>
  );
}
