"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/http/action-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** A field's message key (under "validation") in the reader's language; unknown keys get a generic text. */
export function useValidationMessage() {
  const tv = useTranslations("validation");
  return (key: string | undefined) => (key === undefined ? undefined : tv.has(key) ? tv(key) : tv("invalid"));
}

/**
 * What a failed server action says to the reader: the specific reason when the server named one
 * (`fields._`, e.g. "keyRefused401"), otherwise a sentence per error code.
 */
export function useActionError() {
  const tv = useTranslations("validation");
  const t = useTranslations("integrations.actionErrors");
  return (result: Failure) => {
    const key = result.fields?._;
    if (key && tv.has(key)) return tv(key);
    if (t.has(result.code)) return result.requestId ? `${t(result.code)} (${result.requestId})` : t(result.code);
    return result.message;
  };
}
