import type { InputHTMLAttributes, ReactNode } from "react";

/** One choice of a radio group drawn as a card: the whole card is the label, the focus ring follows the radio. */
export function RadioCard({
  title,
  description,
  children,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { title: string; description: string; children?: ReactNode }) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 bg-white p-4 transition has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
      <input type="radio" className="mt-1 h-4 w-4 shrink-0 accent-brand-600" {...input} />
      <span className="min-w-0">
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        <span className="mt-0.5 block text-sm text-slate-600">{description}</span>
        {children}
      </span>
    </label>
  );
}
