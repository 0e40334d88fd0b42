// Imports the app's database client: import this module dynamically, after benchDatabase() has set the env.
import { systemDb } from "@/lib/db/client";
import type { Arrival } from "../../test/helpers/recording-proxy";
import { table } from "./bench-env";
import { maxInWindow, mean, minGap, ratePerMinute, round } from "./stats";

export type DrainRun = {
  chats: number;
  workers: number;
  provider: string;
  budgetPerMinute: number;
  /** Calls an idle budget lets go beyond the sustained rate (lib/ploomes/db-pacer.ts): the ceiling is budget + burst. */
  burst: number;
  sandboxPerMinute: number;
  behaviours: readonly string[];
  /** When returning visitors come back: "later" (40 chats on) or "together" (4 chats on, worked on at once). */
  returning: string;
  isReturning: (chat: number) => boolean;
  chatIdBase: number;
  startedAt: number;
  /** When the poll first saw no queued job: from then on the workers finish what they hold. */
  backlogEndedAt: number;
  drainedAt: number;
  arrivals: Arrival[];
  /** Running jobs seen per worker id, summed over the polls. */
  sightings: Map<string, number>;
};

/** What the drain did, from the app's call log (PloomesCall) and from the sandbox's side (the proxy). */
export async function measureDrain(run: DrainRun) {
  const calls = await systemDb.ploomesCall.findMany({ select: { createdAt: true, status: true } });
  const logged = calls.map((call) => call.createdAt.getTime());
  // Answered calls only, as the sandbox's own count: a dropped connection leaves an arrival without a status.
  const sandbox = run.arrivals.filter(
    (arrival) => arrival.status !== null && arrival.path.startsWith("/sandbox/ploomes/api"),
  );
  const seen = sandbox.map((arrival) => arrival.at);
  const firstCall = Math.min(...seen);
  const minutes: number[] = [];
  for (let from = firstCall; from + 60_000 <= run.backlogEndedAt; from += 60_000) {
    minutes.push(seen.filter((at) => at >= from && at < from + 60_000).length);
  }

  const events = await systemDb.webhookEvent.findMany({
    select: { chatId: true, integrationId: true, status: true, _count: { select: { calls: true } } },
  });
  const integrations = await systemDb.integration.findMany({ select: { id: true, settings: true } });
  const behaviourOf = new Map(
    integrations.map((row) => [row.id, (JSON.parse(row.settings) as { behaviour: string }).behaviour]),
  );
  const returning = (event: (typeof events)[number]) => run.isReturning(Number(event.chatId) - run.chatIdBase);
  const byBehaviour = run.behaviours.map((behaviour) => {
    const mine = events.filter((event) => behaviourOf.get(event.integrationId) === behaviour);
    const callsOf = (list: typeof mine) => round(mean(list.map((event) => event._count.calls)), 2);
    return {
      behaviour,
      chats: mine.length,
      callsPerNewChat: callsOf(mine.filter((event) => !returning(event))),
      callsPerReturningChat: callsOf(mine.filter(returning)),
      callsPerChat: callsOf(mine),
      notDone: mine.filter((event) => event.status !== "done").length,
    };
  });
  const sightings = [...run.sightings.values()];
  const sighted = sightings.reduce((sum, count) => sum + count, 0);

  return {
    drainSeconds: round((run.drainedAt - run.startedAt) / 1000),
    backlogSeconds: round((run.backlogEndedAt - run.startedAt) / 1000),
    callsLogged: logged.length,
    callsSeenBySandbox: seen.length,
    // Rows are written after their step, several calls at once; the window opens at the first request (as the
    // sandbox saw it) so that an early batch does not shrink it. Calls of the last unfinished steps fall out.
    callsPerMinuteLogged: round(ratePerMinute(logged, firstCall - 1, run.backlogEndedAt)),
    callsPerMinuteSeen: round(ratePerMinute(seen, firstCall, run.backlogEndedAt)),
    callsPerFullMinute: minutes,
    maxCallsIn60s: maxInWindow(seen, 60_000),
    minGapMs: minGap(seen),
    rateLimited: {
      logged: calls.filter((call) => call.status === 429).length,
      seen: sandbox.filter((arrival) => arrival.status === 429).length,
    },
    jobsRetried: await systemDb.job.count({ where: { attempts: { gt: 1 } } }),
    workerShare: sightings.map((count) => round(count / sighted, 2)),
    byBehaviour,
  };
}

export function drainMarkdown(run: DrainRun, result: Awaited<ReturnType<typeof measureDrain>>): string {
  const used = result.callsPerMinuteLogged / run.budgetPerMinute;
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  return [
    `### Drain: ${run.chats} chats, ${run.workers} worker process(es), ${run.provider}, budget ${run.budgetPerMinute}/min + burst ${run.burst}, sandbox limit ${run.sandboxPerMinute}/min, returning visitors ${run.returning === "together" ? "arriving together with their first chat (20 %)" : "40 chats later (20 %)"}`,
    "",
    table(
      ["behaviour", "chats", "calls / new chat", "calls / returning chat", "calls / chat", "not done"],
      result.byBehaviour.map((row) => [
        row.behaviour,
        row.chats,
        row.callsPerNewChat,
        row.callsPerReturningChat,
        row.callsPerChat,
        row.notDone,
      ]),
    ),
    "",
    table(
      [
        "time to drain",
        "backlog lasted",
        "calls/min while backlog (PloomesCall)",
        "same, sandbox side",
        "max calls in any 60 s",
        "min gap",
        "429s",
        "jobs retried",
        "worker share (sampled)",
      ],
      [
        [
          `${result.drainSeconds} s`,
          `${result.backlogSeconds} s`,
          `${result.callsPerMinuteLogged} (${round(used * 100)} % of budget)`,
          result.callsPerMinuteSeen,
          result.maxCallsIn60s,
          `${result.minGapMs} ms`,
          result.rateLimited.seen,
          result.jobsRetried,
          result.workerShare.join(" / ") || "–",
        ],
      ],
    ),
    "",
    `Calls per full minute (sandbox side): ${result.callsPerFullMinute.join(", ") || "–"}.`,
    `Targets: ≥ 95 % of the budget while a backlog exists ${mark(used >= 0.95)} · no 429 ${mark(result.rateLimited.seen === 0)} · ` +
      `at most budget + burst (${run.budgetPerMinute + run.burst}) in any 60 s ${mark(result.maxCallsIn60s <= run.budgetPerMinute + run.burst)} · within Ploomes' ${run.sandboxPerMinute} ${mark(result.maxCallsIn60s <= run.sandboxPerMinute)}`,
  ].join("\n");
}
