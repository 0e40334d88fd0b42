import type { ReactNode } from "react";

/**
 * A titled white card, the frame of most panels: a section named by its heading (kept for screen readers with
 * `hideTitle` where the page already says what it is), an optional description, then its content.
 * `className` carries the card's padding and spacing, which differ between a table (none) and a form (p-6).
 */
export function Card({
  id,
  title,
  description,
  hideTitle = false,
  className = "space-y-4 p-6",
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  hideTitle?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const heading = (
    <h2 id={id} className={hideTitle ? "sr-only" : "text-lg font-semibold text-slate-900"}>
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={`rounded-xl border border-slate-200 bg-white ${className}`}>
      {description ? (
        <header>
          {heading}
          {typeof description === "string" ? (
            <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>
          ) : (
            description
          )}
        </header>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

/** A titled part of a page without a frame (its items are cards of their own), e.g. the alerts' two lists. */
export function Section({
  id,
  title,
  className = "space-y-2",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
