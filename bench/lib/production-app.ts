import { ensureBuild } from "../../scripts/lib/ensure-build";
import { startApp } from "./app-process";
import { appSqliteSettings, benchDatabase, describeSqlite, machineFacts } from "./bench-env";

// The set-up the latency, agent-answer and fair-queue benchmarks share: the production build with its in-process
// worker (as `npm start` runs it) on a throw-away SQLite database, and the app's Ploomes budget.

export async function startProductionApp(label: string, budgetPerMinute: number) {
  const machine = machineFacts("sqlite");
  await ensureBuild("sqlite");
  const database = await benchDatabase(`bench_${label}`);
  const { systemDb } = await import("@/lib/db/client");
  // Switches the file to WAL before the app opens it, as after any restart in production.
  await systemDb.$queryRaw`SELECT 1`;
  machine.database = describeSqlite(await appSqliteSettings());
  const app = await startApp(`${label}-app`, {
    WORKER_ENABLED: "true",
    PLOOMES_BUDGET_PER_MINUTE: String(budgetPerMinute),
  });
  return { machine, database, systemDb, app };
}

/** Reads until `read` gives a value, every `everyMs`; fails past `deadline` (epoch ms). */
export async function poll<T>(read: () => Promise<T | null>, deadline: number, everyMs = 50): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for the sandbox");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
