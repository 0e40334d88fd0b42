// The environment of every process the test suites, the e2e runner and the benchmarks start: what the process
// needs to run, what the caller means to set, and nothing else. A shell that once ran the README's demo start
// (`ADMIN_EMAIL=… npm start`) or set PORT, LOG_LEVEL, PLOOMES_* or WORKER_* must not change what a test proves.

/** Taken from the caller as they are: the process needs them to run, find its tools or its browser. */
const PASSED_THROUGH = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TMPDIR",
  "TMP",
  "TEMP",
  "LANG",
  "LANGUAGE",
  "TERM",
  "NO_COLOR",
  "FORCE_COLOR",
  "SystemRoot",
  // Whether this is CI (Playwright retries once there).
  "CI",
  // The one deliberate switch: the PostgreSQL run. Each suite still makes its own throw-away database on it.
  "DATABASE_URL",
  // Where the browser is (scripts/lib/find-chromium.ts), for a machine without /usr/bin/chromium.
  "CHROMIUM_PATH",
  "PLAYWRIGHT_BROWSERS_PATH",
  // Knobs of the test tools themselves, never read by the app.
  "TEST_VERBOSE",
  "FUZZ_SEED",
];
const PASSED_THROUGH_PREFIXES = ["LC_", "RELIABILITY_", "BENCH_"];

export type Env = Record<string, string | undefined>;

const passes = (name: string) =>
  PASSED_THROUGH.includes(name) || PASSED_THROUGH_PREFIXES.some((prefix) => name.startsWith(prefix));

/**
 * `source`'s variables that a child process needs, with `overrides` on top (an `undefined` override removes the
 * variable). Everything the app reads (see lib/env.ts) comes only from `overrides`.
 */
export function cleanEnv(overrides: Env = {}, source: Env = process.env): NodeJS.ProcessEnv {
  const env: Env = {};
  for (const [name, value] of Object.entries(source)) if (value !== undefined && passes(name)) env[name] = value;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env as NodeJS.ProcessEnv;
}

// What the app reads (lib/env.ts, next-auth): by family, so a variable added later is covered too
// (test/unit/clean-env.test.ts checks every variable of lib/env.ts against this).
const APP_VARIABLE_FAMILIES =
  /^(ADMIN_|WORKER_|JOB_|PLOOMES_|SANDBOX_|LOGIN_|SMTP_|ALERT_|NEXTAUTH_|AUTH_|ENCRYPTION_KEY)/;
const APP_VARIABLES = [
  "NODE_ENV",
  "DATABASE_URL",
  "PORT",
  "HOSTNAME",
  "APP_URL",
  "LOG_LEVEL",
  "RETENTION_DAYS",
  "TRUST_PROXY",
];

/** A variable the app's configuration reads. */
export function isAppVariable(name: string): boolean {
  return APP_VARIABLES.includes(name) || APP_VARIABLE_FAMILIES.test(name);
}

/** The app's variables of `source` (e.g. those a test file set deliberately), for a child that must share them. */
export function appVariablesOf(source: Env = process.env): Env {
  return Object.fromEntries(
    Object.entries(source).filter(([name, value]) => value !== undefined && isAppVariable(name)),
  );
}
