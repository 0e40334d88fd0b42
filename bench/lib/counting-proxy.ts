import { createServer, request as forward } from "node:http";
import type { AddressInfo } from "node:net";

// Sits between the app and the sandbox and notes every request's arrival and status: the sandbox's own view of
// the budget, which also sees calls the app does not log per event (the worker's periodic health check).

export type Arrival = { at: number; method: string; path: string; status: number };

export async function startCountingProxy(target: string) {
  const arrivals: Arrival[] = [];
  const to = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const at = Date.now();
    const upstream = forward(
      { host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        arrivals.push({ at, method: incoming.method ?? "GET", path: incoming.url ?? "/", status: answer.statusCode ?? 0 });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
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
