import http from "node:http";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { percentile } from "./stats";

export type LoadResult = {
  /** Connections kept busy (closed loop), or null for a paced run. */
  connections: number | null;
  /** Requests offered per second (paced run), or null for a closed loop. */
  perSecond: number | null;
  seconds: number;
  ok: number;
  /** Answered 2xx per second over the whole run. */
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors and timeouts (10 s). */
  errors: number;
  timeouts: number;
  non2xx: number;
};

const TIMEOUT_S = 10;

/**
 * Closed loop: keeps `connections` keep-alive connections busy for `seconds`, each sending its next request as
 * soon as the last is answered. POSTs a fresh body from `nextBody` on every request; without one, GETs.
 */
export async function load(
  url: string,
  { connections, seconds, nextBody }: { connections: number; seconds: number; nextBody?: () => string },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: TIMEOUT_S,
    ...(nextBody
      ? {
          method: "POST",
          headers: { "content-type": "application/json" },
          requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
        }
      : {}),
  });
  return {
    connections,
    perSecond: null,
    seconds: result.duration,
    ok: result["2xx"],
    okPerSecond: Math.round(result["2xx"] / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Open loop: POSTs `perSecond` requests a second, evenly spaced, whatever the answers do (autocannon's rate
 * option fires every connection at the same instant each second, a burst rather than a steady flow). Latency
 * counts from when a request was due, so a server that falls behind cannot hide it.
 */
export async function paced(
  url: string,
  { perSecond, seconds, nextBody }: { perSecond: number; seconds: number; nextBody: () => string },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const latencies: number[] = [];
  const counts = { ok: 0, errors: 0, timeouts: 0, non2xx: 0 };
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = nextBody();
      const request = http.request(url, {
        agent,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      });
      request.setTimeout(TIMEOUT_S * 1000, () => {
        counts.timeouts++;
        request.destroy(new Error("timeout"));
      });
      request.on("response", (response) => {
        response.resume().on("end", () => {
          latencies.push(performance.now() - due);
          if (response.statusCode && response.statusCode < 300) counts.ok++;
          else counts.non2xx++;
          resolve();
        });
      });
      request.on("error", () => {
        counts.errors++;
        resolve();
      });
      request.end(body);
    });

  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < perSecond * seconds; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(due));
  }
  await Promise.all(pending);
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return {
    connections: null,
    perSecond,
    seconds: Math.round(elapsed),
    okPerSecond: Math.round(counts.ok / elapsed),
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    maxMs: Math.round(Math.max(...latencies)),
    ...counts,
  };
}
