// npm start – one command for a newcomer: secrets, database, build when stale, then the server with its worker.
import { spawn } from "node:child_process";
import net from "node:net";
import { loadGeneratedSecrets } from "../lib/config/generated-secrets";
import { ensureBuild } from "./lib/ensure-build";
import { prepareDatabase } from "./lib/prepare-database";
import { appServerArgs } from "./lib/app-server";
import { bin } from "./lib/run";

const dev = process.argv.includes("--dev");

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function main() {
  const secrets = loadGeneratedSecrets();
  process.env.NEXTAUTH_SECRET ??= secrets.NEXTAUTH_SECRET;
  process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;
  const port = Number(process.env.PORT ?? 3000);
  process.env.PORT = String(port);
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;

  if (!(await portIsFree(port))) {
    console.error(`Port ${port} is already in use. Stop the other process or run with PORT=<another port> npm start.`);
    process.exit(1);
  }
  const database = await prepareDatabase();
  console.log(`Database: ${database.provider}${database.file ? ` (${database.file})` : ""}`);

  if (!dev) await ensureBuild(database.provider);
  // Production: Next behind scripts/serve.ts, which hands JivoChat deliveries straight to the receiver.
  const [command, args] = dev ? [bin("next"), ["dev", "-p", String(port)]] : [process.execPath, appServerArgs(port)];
  const server = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: dev ? "development" : "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
