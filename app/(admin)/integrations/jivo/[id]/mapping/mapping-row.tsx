"use client";

import { useTranslations } from "next-intl";
import { Controller, type UseFormReturn } from "react-hook-form";
import type { CustomTarget } from "@/lib/integration-model/mappings";
import {
  CUSTOM_PREFIX,
  STANDARD_TARGETS,
  type IntegrationSettings,
  type TargetEntity,
} from "@/lib/integration-model/settings-schema";
import { STANDARD_FIELD_GROUPS, STANDARD_FIELDS } from "@/lib/jivo/standard-fields";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { useValidationMessage } from "@/components/use-action-error";

type Props = {
  index: number;
  form: UseFormReturn<IntegrationSettings>;
  entities: TargetEntity[];
  customFields: CustomTarget[];
  sample?: string;
  /** A problem seen while editing (e.g. a type that cannot convert), before any submit. */
  liveIssue?: string;
  canEdit: boolean;
  onRemove: () => void;
};

// One <select> picks both the record and its field: "person|Email", "company|custom:contact_…".
const SEPARATOR = "|";

export function MappingRow({ index, form, entities, customFields, sample, liveIssue, canEdit, onRemove }: Props) {
  const t = useTranslations("wizard.mapping");
  const tRoot = useTranslations();
  const tTargets = useTranslations("ploomesTargets");
  const message = useValidationMessage();
  const rowErrors = form.formState.errors.mappings?.[index];
  const error = message(
    rowErrors?.field?.message ?? rowErrors?.source?.message ?? rowErrors?.entity?.message ?? liveIssue,
  );
  const row = index + 1;
  // The closed <select> shows only the field's name ("Nome"); the record it belongs to is said under it.
  const targetEntity = form.watch(`mappings.${index}.entity`);
  const targetField = form.watch(`mappings.${index}.field`);
  const errorId = `mapping-${index}-error`;
  const typeLabel = (nativeType: string) =>
    tTargets.has(`types.${nativeType}`) ? tTargets(`types.${nativeType}`) : nativeType;

  return (
    <li data-testid={`mapping-row-${index}`} className="rounded-lg border border-slate-200 p-3 md:border-0 md:p-0">
      <div className="grid gap-2 md:grid-cols-[1fr_auto_1fr_auto] md:items-start md:gap-3">
        <div>
          <select
            aria-label={t("sourceLabel", { row })}
            className={inputClass}
            {...form.register(`mappings.${index}.source`)}
          >
            {STANDARD_FIELD_GROUPS.map((group) => (
              <optgroup key={group} label={t(`groups.${group}`)}>
                {STANDARD_FIELDS.filter((field) => field.group === group).map((field) => (
                  <option key={field.key} value={field.key}>
                    {tRoot(field.labelKey)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {sample ? (
            <p className="mt-1 truncate text-xs text-slate-500" title={sample}>
              {t("sample", { value: sample })}
            </p>
          ) : null}
        </div>
        <span aria-hidden className="hidden pt-2 text-slate-400 md:block">
          →
        </span>
        <div>
          <Controller
            control={form.control}
            name={`mappings.${index}.field`}
            render={({ field }) => {
              const entity = form.watch(`mappings.${index}.entity`);
              const value = field.value ? `${entity}${SEPARATOR}${field.value}` : "";
              // A stored target Ploomes no longer lists (or not loaded) stays visible instead of silently changing.
              const listed =
                entities.includes(entity) &&
                ((STANDARD_TARGETS[entity] as readonly string[]).includes(field.value) ||
                  customFields.some(
                    (custom) => custom.entity === entity && `${CUSTOM_PREFIX}${custom.key}` === field.value,
                  ));
              return (
                <select
                  aria-label={t("targetLabel", { row })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  className={inputClass}
                  name={field.name}
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={value}
                  onChange={(event) => {
                    const [nextEntity, ...rest] = event.target.value.split(SEPARATOR);
                    form.setValue(`mappings.${index}.entity`, (nextEntity || entity) as TargetEntity);
                    field.onChange(rest.join(SEPARATOR));
                  }}
                >
                  <option value="">{t("chooseTarget")}</option>
                  {value && !listed ? (
                    <option value={value}>{t("unlistedTarget", { field: field.value })}</option>
                  ) : null}
                  {entities.map((target) => (
                    <optgroup key={target} label={tTargets(`entities.${target}`)}>
                      {STANDARD_TARGETS[target].map((name) => (
                        <option key={name} value={`${target}${SEPARATOR}${name}`}>
                          {tTargets(`fields.${name}`)}
                        </option>
                      ))}
                      {customFields
                        .filter((custom) => custom.entity === target)
                        .map((custom) => (
                          <option key={custom.key} value={`${target}${SEPARATOR}${CUSTOM_PREFIX}${custom.key}`}>
                            {tTargets("custom", { name: custom.name, type: typeLabel(custom.nativeType) })}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              );
            }}
          />
          {targetEntity && targetField ? (
            <p className="mt-1 text-xs text-slate-500">{tTargets(`entities.${targetEntity}`)}</p>
          ) : null}
          {error ? (
            <p id={errorId} role="alert" className="mt-1 text-xs text-red-600">
              {error}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <Button variant="ghost" onClick={onRemove} aria-label={t("removeRow", { row })} className="w-20">
            {t("remove")}
          </Button>
        ) : (
          <span />
        )}
      </div>
    </li>
  );
}
