import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

type Flagged = { id: string; name: string; flaggedReason: string | null };

/** Integrations the worker flagged (refused key, missing stage…): nothing of theirs reaches Ploomes until fixed. */
export function FlaggedIntegrationsBanner({ integrations }: { integrations: Flagged[] }) {
  const t = useTranslations("events.flagged");
  if (integrations.length === 0) return null;
  return (
    <Alert tone="warning">
      <p className="font-medium">{t("title", { count: integrations.length })}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {integrations.map((integration) => (
          <li key={integration.id}>
            <strong>{integration.name}</strong>: {integration.flaggedReason}
          </li>
        ))}
      </ul>
      <Link href="/integrations" className="mt-2 inline-block font-medium underline underline-offset-2">
        {t("link")}
      </Link>
    </Alert>
  );
}
