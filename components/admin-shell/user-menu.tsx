"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

export function UserMenu({ name, email, role }: { name: string; email: string; role: "admin" | "member" }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !ref.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-label={t("userMenu")}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100"
      >
        <span
          aria-hidden
          className="grid h-7 w-7 place-items-center rounded-full bg-slate-200 text-xs font-semibold uppercase"
        >
          {name.slice(0, 1)}
        </span>
        <span className="hidden sm:inline">{name}</span>
      </button>
      {open ? (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-2 w-60 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
        >
          <div className="px-2 py-1.5 text-sm">
            <p className="font-medium">{name}</p>
            <p className="truncate text-slate-500">{email}</p>
            <p className="mt-1 text-xs text-slate-500">{t(`roles.${role}`)}</p>
          </div>
          <Link
            href="/password"
            role="menuitem"
            onClick={() => setOpen(false)}
            className="mt-1 block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100"
          >
            {t("changePassword")}
          </Link>
          <button
            type="button"
            role="menuitem"
            onClick={() => signOut({ callbackUrl: "/login" })}
            className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100"
          >
            {t("signOut")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
