import { cleanEnv, type Env } from "./clean-env";

/**
 * The node arguments that run the production server (scripts/serve.ts: the build, plus the direct webhook path)
 * on `port`, for `npm start`, the e2e run, the benchmarks and the reliability suites alike.
 */
export function appServerArgs(port: number, hostname?: string): string[] {
  return ["--import", "tsx", "scripts/serve.ts", "-p", String(port), ...(hostname ? ["-H", hostname] : [])];
}

/**
 * The whole environment of a production server started by a test or benchmark on `url`: what it needs to run and
 * what the caller sets in `settings` (database, secrets, …), nothing inherited from the shell that ran the suite.
 */
export function appServerEnv(
  options: { port: number; url: string; settings?: Env },
  source: Env = process.env,
): NodeJS.ProcessEnv {
  return cleanEnv(
    {
      LOG_LEVEL: "warn",
      ...options.settings,
      // Where it serves is this helper's to say.
      NODE_ENV: "production",
      PORT: String(options.port),
      APP_URL: options.url,
      NEXTAUTH_URL: options.url,
    },
    source,
  );
}
