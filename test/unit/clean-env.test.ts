import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { appServerEnv } from "../../scripts/lib/app-server";
import { appVariablesOf, cleanEnv, isAppVariable } from "../../scripts/lib/clean-env";

// A shell as a new user leaves it after trying the README's demo start and a few settings.
const polluted = {
  PATH: "/usr/bin:/bin",
  HOME: "/home/someone",
  LC_ALL: "pt_BR.UTF-8",
  CI: "true",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
  ADMIN_EMAIL: "demo@example.com",
  ADMIN_PASSWORD: "demo-password",
  ADMIN_ACCOUNT_NAME: "Demo",
  PORT: "3000",
  APP_URL: "http://localhost:3000",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "the-callers-own-secret-value",
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  WORKER_ENABLED: "false",
  WORKER_CONCURRENCY: "1",
  PLOOMES_BUDGET_PER_MINUTE: "1",
  PLOOMES_TIMEOUT_MS: "100",
  SANDBOX_ERROR_RATE: "1",
  LOG_LEVEL: "silent",
  TRUST_PROXY: "true",
  LOGIN_MAX_FAILURES: "1",
  NODE_ENV: "development",
};

/** The names lib/env.ts validates, read from its source (importing it would validate this process's env). */
function variablesOfEnvModule(): string[] {
  const source = fs.readFileSync("lib/env.ts", "utf8");
  const server = source.slice(source.indexOf("server: {"), source.indexOf("client: {"));
  return [...server.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!);
}

describe("the environment of the processes the suites start", () => {
  it("knows every variable the app reads, and every one .env.example documents", () => {
    const fromModule = variablesOfEnvModule();
    expect(fromModule.length).toBeGreaterThan(20);
    const documented = [...fs.readFileSync(".env.example", "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map(
      (match) => match[1]!,
    );
    expect(documented.length).toBeGreaterThan(10);
    for (const name of [...fromModule, ...documented]) expect(isAppVariable(name), name).toBe(true);
    for (const name of ["PATH", "HOME", "CI", "CHROMIUM_PATH", "E2E_BASE_URL"])
      expect(isAppVariable(name), name).toBe(false);
  });

  it("keeps what a process needs to run and the database switch, and nothing of the app's", () => {
    expect(cleanEnv({}, polluted)).toEqual({
      PATH: "/usr/bin:/bin",
      HOME: "/home/someone",
      LC_ALL: "pt_BR.UTF-8",
      CI: "true",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
    });
  });

  it("the app server started with a polluted environment gets the same environment as with a clean one", () => {
    const settings = {
      DATABASE_URL: "file:/tmp/e2e.db",
      NEXTAUTH_SECRET: "s".repeat(32),
      ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
    };
    const options = { port: 4321, url: "http://localhost:4321", settings };
    const fromPolluted = appServerEnv(options, polluted);
    const fromClean = appServerEnv(options, {
      PATH: "/usr/bin:/bin",
      HOME: "/home/someone",
      LC_ALL: "pt_BR.UTF-8",
      CI: "true",
    });
    expect(fromPolluted).toEqual(fromClean);
    expect(fromPolluted).toMatchObject({
      PORT: "4321",
      APP_URL: "http://localhost:4321",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      ...settings,
    });
    expect(fromPolluted.ADMIN_EMAIL).toBeUndefined();
  });

  it("a child that must share the test's own settings gets exactly those", () => {
    expect(Object.keys(appVariablesOf(polluted)).sort()).toEqual(Object.keys(polluted).filter(isAppVariable).sort());
    expect(cleanEnv({ LOG_LEVEL: undefined }, { PATH: "/bin", LOG_LEVEL: "debug" })).toEqual({ PATH: "/bin" });
  });
});
