import { logger } from "@/lib/log/logger";
import { ensureFirstAdmin } from "./ensure-first-admin";

let started = false;

export async function onServerStart(): Promise<void> {
  if (started) return;
  started = true;
  try {
    await ensureFirstAdmin();
  } catch (error) {
    logger.error({ err: error }, "first-run bootstrap failed");
  }
}
