"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** A field's message key (under "validation") in the reader's language; unknown keys get a generic text. */
export function useValidationMessage() {
  const tv = useTranslations("validation");
  return (key: string | undefined) => (key === undefined ? undefined : tv.has(key) ? tv(key) : tv("invalid"));
}

/**
 * The specific reason a server action failed, in the reader's language, when the server named one: `fields._`
 * is a key under "validation" (e.g. "keyRefused401") and `params` fill its placeholders. Undefined otherwise.
 */
export function useActionReason() {
  const tv = useTranslations("validation");
  return (result: Pick<Failure, "fields" | "params">) => {
    const key = result.fields?._;
    return key && tv.has(key) ? tv(key, result.params) : undefined;
  };
}

/**
 * What a failed server action on an integration screen says to the reader: the specific reason when the server
 * named one, otherwise a sentence per error code. The server's own `message` is English detail for the logs.
 */
export function useActionError() {
  const reason = useActionReason();
  const t = useTranslations("integrations.actionErrors");
  return (result: Failure) => {
    const specific = reason(result);
    if (specific) return specific;
    if (t.has(result.code)) return result.requestId ? `${t(result.code)} (${result.requestId})` : t(result.code);
    return result.message;
  };
}

/**
 * Runs a server action from a button on an integration screen: `pending` while it runs, `error` (in the reader's
 * language) when it failed. `run(action, onDone, onSettled)`: `onSettled` runs first whatever the outcome (e.g. to
 * close a confirmation dialog), `onDone` with the data when it succeeded.
 */
export function useServerAction(initialError: string | null = null) {
  const describe = useActionError();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, startTransition] = useTransition();
  const run = <T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => void, onSettled?: () => void) =>
    startTransition(async () => {
      setError(null);
      const result = await action();
      onSettled?.();
      if (result.ok) onDone?.(result.data);
      else setError(describe(result));
    });
  return { run, pending, error, setError };
}
