import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** The whole-page answer to a refused or missing page: the status, what happened, and a way back. */
export function ErrorScreen({
  status,
  title,
  text,
  backHref,
  backLabel,
}: {
  status: 403 | 404;
  title: string;
  text: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className={`text-sm font-semibold ${status === 403 ? "text-red-600" : "text-brand-600"}`}>{status}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{text}</p>
      <Link href={backHref} className={buttonClass("secondary", "mt-6")}>
        {backLabel}
      </Link>
    </main>
  );
}
