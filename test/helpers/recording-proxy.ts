import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the proxy saw it; `status` stays null until (unless) the answer comes back. */
export type Arrival = { at: number; method: string; path: string; budget: string | null; status: number | null };

/**
 * A pass-through HTTP proxy in front of `target` that notes when each request arrives, under which Ploomes key
 * (hashed, as the hub's budget key is) and how it was answered: what Ploomes would see of the hub's pacing,
 * whichever process sent it, including calls the app does not log per event (the worker's health check).
 */
export async function startRecordingProxy(target: string) {
  const upstream = new URL(target);
  const arrivals: Arrival[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const key = incoming.headers["user-key"];
    const arrival: Arrival = {
      at: Date.now(),
      method: incoming.method ?? "GET",
      path: incoming.url ?? "/",
      budget: typeof key === "string" ? createHash("sha256").update(key, "utf8").digest("hex") : null,
      status: null,
    };
    arrivals.push(arrival);
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        arrival.status = answer.statusCode ?? 0;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", () => outgoing.destroy());
    incoming.on("aborted", () => forward.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most requests of one budget that arrived within any `windowMs` (a sliding window over the arrivals). */
export function busiestWindow(arrivals: Arrival[], budget: string, windowMs: number): number {
  const times = arrivals
    .filter((arrival) => arrival.budget === budget)
    .map((arrival) => arrival.at)
    .sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
