/** A connector's mark: its initials on the brand tile (no third-party logo files to license or keep current). */
export function ConnectorLogo({ initials, size = "md" }: { initials: string; size?: "md" | "lg" }) {
  const box = size === "lg" ? "h-14 w-14 text-xl" : "h-11 w-11 text-base";
  return (
    <span
      aria-hidden
      className={`grid shrink-0 place-items-center rounded-xl bg-emerald-600 font-bold text-white ${box}`}
    >
      {initials}
    </span>
  );
}
