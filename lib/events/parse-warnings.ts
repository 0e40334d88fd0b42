import { z } from "zod";

// Stored by the worker as SyncWarning[] (lib/sync/sync-outcome.ts); read leniently so an odd row never breaks the page.
const warningSchema = z.object({
  code: z.string(),
  field: z.string().nullish(),
  source: z.string().nullish(),
  value: z.string().nullish(),
});

export type EventWarning = z.infer<typeof warningSchema>;

export function parseWarnings(stored: string | null | undefined): EventWarning[] {
  if (!stored) return [];
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(stored));
    if (!parsed.success) return [];
    return parsed.data.flatMap((item) => {
      const warning = warningSchema.safeParse(item);
      return warning.success ? [warning.data] : [];
    });
  } catch {
    return [];
  }
}
