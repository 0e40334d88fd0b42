"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";

/** A read-only value with a "Copiar" button: the clipboard API, or selecting the text where it is unavailable. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations("integrations");
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Plain http or a denied permission: select it so Ctrl+C works, and try the legacy command.
      input.current?.focus();
      input.current?.select();
      setCopied(document.execCommand?.("copy") ?? false);
    }
  };

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono`}
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          {t("copy")}
        </Button>
      </div>
      <p aria-live="polite" className="h-4 text-xs text-emerald-700">
        {copied ? t("copied") : ""}
      </p>
    </div>
  );
}
