"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormField, SelectInput } from "@/components/ui/form-field";

export function TenantPicker({ tenants, selectedId }: { tenants: { id: string; name: string }[]; selectedId: string }) {
  const t = useTranslations("sandbox");
  const router = useRouter();
  return (
    <div className="max-w-sm">
      <FormField id="sandbox-tenant" label={t("tenant")}>
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
      </FormField>
    </div>
  );
}
