// node --import tsx scripts/serve.ts [-p port] [-H host] – the production server that `npm start` runs: Next
// serves every page and route, except JivoChat deliveries (POST /api/webhooks/jivo/<token>), which go straight to
// the receiver — the same code as that route handler — without Next's router. Under a burst the router costs more
// than storing the event (docs/performance.md). Needs a build (`npm start` makes one when stale).
import next from "next";
import { env } from "@/lib/env";
import { createAppServer } from "@/lib/http/app-server";
import { JSON_HEADERS } from "@/lib/webhooks/handle-jivo-webhook";
import { serveNodeWebhook } from "@/lib/webhooks/handle-jivo-webhook";

const WEBHOOK_PATH = /^\/api\/webhooks\/jivo\/([^/?#]+)\/?(?:\?.*)?$/;

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

async function main() {
  const port = Number(option("-p", process.env.PORT ?? "3000"));
  const hostname = option("-H", "0.0.0.0");
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Headers and request timeouts: lib/http/app-server.ts.
  const server = createAppServer((request, response) => {
    const webhook = request.method === "POST" ? WEBHOOK_PATH.exec(request.url ?? "") : null;
    const handling = webhook ? serveNodeWebhook(request, response, webhook[1]!) : handle(request, response);
    handling.catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, JSON_HEADERS);
      response.end();
    });
  });
  server.listen(port, hostname, () =>
    console.log(`Ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`),
  );

  // Stop taking requests and let those in flight finish. The in-process worker (lib/bootstrap/on-server-start.ts)
  // listens for the same signals and exits once its jobs are handed back; without one, exit when the server has.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close(() => {
        if (!env.WORKER_ENABLED) process.exit(0);
      });
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 25_000).unref();
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
