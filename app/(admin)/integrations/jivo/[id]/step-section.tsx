import type { ReactNode } from "react";

/** The frame of a wizard screen: its heading (the step's name) and what the step decides. */
export function StepSection({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-6 rounded-xl border border-slate-200 bg-white p-6">
      <header>
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
      </header>
      {children}
    </section>
  );
}
