"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reprocessEventAction } from "./actions";

const KNOWN_ERRORS = new Set(["FORBIDDEN", "NOT_FOUND", "CONFLICT"]);

export function ReprocessButton({ eventId, disabledReason }: { eventId: string; disabledReason: string | null }) {
  const t = useTranslations("events.reprocess");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const reprocess = () =>
    startTransition(async () => {
      const result = await reprocessEventAction(eventId);
      if (result.ok) {
        setMessage({ tone: "success", text: t("queued") });
        router.refresh();
      } else {
        setMessage({
          tone: "error",
          text: t(KNOWN_ERRORS.has(result.code) ? `errors.${result.code}` : "errors.other"),
        });
      }
    });

  return (
    <div className="flex flex-col items-end gap-2">
      <Button onClick={reprocess} disabled={pending || disabledReason !== null} title={disabledReason ?? undefined}>
        {pending ? t("running") : t("button")}
      </Button>
      {disabledReason ? <p className="max-w-xs text-right text-xs text-slate-500">{disabledReason}</p> : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
