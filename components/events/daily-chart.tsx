import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import type { DayCount } from "@/lib/events/event-dashboard";
import { dayStart } from "@/lib/events/event-filters";

const BAR = 14;
const GAP = 6;
const PLOT_HEIGHT = 100;
const HEIGHT = PLOT_HEIGHT + 2;

/**
 * Chats per day as stacked bars (concluded, failed), drawn by hand: a chart library would weigh more than the
 * page. Screen readers get the title and a one-sentence summary; each bar has its own tooltip.
 */
export function DailyChart({ perDay }: { perDay: DayCount[] }) {
  const t = useTranslations("events.dashboard");
  const format = useFormatter();
  const titleId = useId();
  const descId = useId();
  const label = (day: string) => format.dateTime(dayStart(day), { day: "2-digit", month: "2-digit" });
  const max = Math.max(1, ...perDay.map((day) => day.done + day.failed));
  const totals = perDay.reduce((sum, day) => ({ done: sum.done + day.done, failed: sum.failed + day.failed }), {
    done: 0,
    failed: 0,
  });
  const width = perDay.length * (BAR + GAP);
  const scale = (count: number) => (count / max) * PLOT_HEIGHT;
  const center = (index: number) => index * (BAR + GAP) + GAP / 2 + BAR / 2;
  // Weekly ticks counted back from today, so the last two never collide.
  const ticks = perDay.flatMap((day, index) =>
    (perDay.length - 1 - index) % 7 === 0 ? [{ day: day.day, index }] : [],
  );

  return (
    <figure className="space-y-2">
      <figcaption id={titleId} className="text-sm font-medium text-slate-700">
        {t("chartTitle")}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className="h-32 w-full"
        preserveAspectRatio="none"
      >
        <desc id={descId}>{t("chartSummary", { done: totals.done, failed: totals.failed, max })}</desc>
        <line x1={0} x2={width} y1={PLOT_HEIGHT} y2={PLOT_HEIGHT} className="stroke-slate-300" strokeWidth={1} />
        {perDay.map((day, index) => {
          const x = center(index) - BAR / 2;
          const doneHeight = scale(day.done);
          const failedHeight = scale(day.failed);
          return (
            <g key={day.day}>
              <title>{t("barTooltip", { day: label(day.day), done: day.done, failed: day.failed })}</title>
              {/* An invisible full-height hit area so empty days still show their tooltip. */}
              <rect x={x} y={0} width={BAR} height={PLOT_HEIGHT} fill="transparent" />
              <rect x={x} y={PLOT_HEIGHT - doneHeight} width={BAR} height={doneHeight} className="fill-emerald-500" />
              <rect
                x={x}
                y={PLOT_HEIGHT - doneHeight - failedHeight}
                width={BAR}
                height={failedHeight}
                className="fill-red-500"
              />
            </g>
          );
        })}
      </svg>
      {/* Outside the SVG: it stretches to the card's width, which would stretch its text too. */}
      <div className="relative h-4 text-xs text-slate-500" aria-hidden>
        {ticks.map((tick) => (
          <span
            key={tick.day}
            className="absolute -translate-x-1/2"
            style={{ left: `${(center(tick.index) / width) * 100}%` }}
          >
            {label(tick.day)}
          </span>
        ))}
      </div>
      <p className="flex gap-4 text-xs text-slate-600" aria-hidden>
        <span className="inline-flex items-center gap-1">
          <span className="h-2.5 w-2.5 rounded-sm bg-emerald-500" /> {t("legendDone")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="h-2.5 w-2.5 rounded-sm bg-red-500" /> {t("legendFailed")}
        </span>
      </p>
    </figure>
  );
}
