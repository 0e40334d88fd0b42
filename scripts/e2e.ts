// npm run test:e2e – build the app, serve it on a spare port with a throw-away database, run Playwright.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appServerArgs, appServerEnv } from "./lib/app-server";
import { cleanEnv } from "./lib/clean-env";
import { ensureBuild } from "./lib/ensure-build";
import { findChromium } from "./lib/find-chromium";
import { prepareDatabase } from "./lib/prepare-database";
import { bin, run } from "./lib/run";
import { sparePort } from "./lib/spare-port";
import { createTestDatabase } from "./lib/test-database";

async function waitForHealth(url: string, server: ReturnType<typeof spawn>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

async function main() {
  const chromium = await findChromium();
  const provider = (await prepareDatabase({ migrate: false, quiet: true })).provider;
  await ensureBuild(provider);

  const database = await createTestDatabase("e2e");
  // Every process gets an explicit environment: nothing of the caller's shell (ADMIN_*, PORT, LOG_LEVEL, …) changes
  // what the journeys see — e2e/first-run.spec.ts needs a server that was given no admin.
  const settings = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  await run(bin("prisma"), ["migrate", "deploy"], { env: cleanEnv({ DATABASE_URL: database.url }), stdio: "ignore" });

  const port = await sparePort();
  const baseUrl = `http://localhost:${port}`;
  const logFile = path.resolve("data", "e2e", "server.log");
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  const serverEnv = appServerEnv({ port, url: baseUrl, settings });
  const server = spawn(process.execPath, appServerArgs(port), { env: serverEnv, stdio: ["ignore", log, log] });

  let failed = false;
  try {
    await waitForHealth(baseUrl, server);
    await run(bin("playwright"), ["test", ...process.argv.slice(2)], {
      env: cleanEnv({ ...settings, E2E_BASE_URL: baseUrl, E2E_SERVER_LOG: logFile, CHROMIUM_PATH: chromium }),
    });
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
    console.error(`Server log: ${logFile}`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve).once("error", resolve));
    await database.drop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
