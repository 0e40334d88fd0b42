import Link from "next/link";
import { Fragment } from "react";

/** Where a page sits: the trail of pages above it, each a link, then the page itself (plain text, if given). */
export function Breadcrumb({
  label,
  trail,
  current,
}: {
  label: string;
  trail: { href: string; label: string }[];
  current?: string;
}) {
  return (
    <nav aria-label={label} className="text-sm text-slate-500">
      {trail.map((crumb, index) => (
        <Fragment key={crumb.href}>
          {index > 0 ? " › " : null}
          <Link href={crumb.href} className="hover:text-slate-900 hover:underline">
            {crumb.label}
          </Link>
        </Fragment>
      ))}
      {current ? `${trail.length > 0 ? " › " : ""}${current}` : null}
    </nav>
  );
}
