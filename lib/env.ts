import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { loadGeneratedSecrets } from "./config/generated-secrets";

// The one place that reads process.env. A bad value stops the process at start with the variable's name.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";
if (!isBuild && (!process.env.NEXTAUTH_SECRET || !process.env.ENCRYPTION_KEY)) {
  const generated = loadGeneratedSecrets();
  process.env.NEXTAUTH_SECRET ??= generated.NEXTAUTH_SECRET;
  process.env.ENCRYPTION_KEY ??= generated.ENCRYPTION_KEY;
}

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === "true" || value === "1"));

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file:, postgres:// or postgresql://")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters"),
    ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded"),
    /** Old key kept during a rotation: values encrypted with it are still read, new writes use ENCRYPTION_KEY. */
    ENCRYPTION_KEY_PREVIOUS: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded")
      .optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    ADMIN_ACCOUNT_NAME: z.string().min(1).default("Minha empresa"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WORKER_ENABLED: booleanFlag(true),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
    JOB_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(300_000),
    JOB_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(15_000),
    /** Longest wait between two attempts of a job (the doubling stops there; a Retry-After is still honoured). */
    JOB_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(21_600_000),
    PLOOMES_BUDGET_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(100),
    /** Calls beyond the sustained budget an idle Ploomes account may make at once (docs/performance.md). */
    PLOOMES_BURST: z.coerce.number().int().min(0).max(1000).default(18),
    /** Ploomes' own limit per account and minute: budget + burst never exceed it (the burst is cut to fit). */
    PLOOMES_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    PLOOMES_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    PLOOMES_ALLOW_PRIVATE_URLS: booleanFlag(false),
    SANDBOX_ENABLED: booleanFlag(true),
    SANDBOX_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
    SANDBOX_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
    SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Alert e-mails to the account's admins: smtp://user:password@host:587 or smtps://…:465. Unset: the Alertas page only. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]+/, "must be smtp://[user:password@]host[:port] or smtps://…")
      .optional(),
    ALERT_EMAIL_FROM: z.string().min(3).default("Hub Jivo → Ploomes <alertas@localhost>"),
    /** An active integration whose share of failed events in the last hour reaches this (0..1) gets an alert… */
    ALERT_FAILURE_RATE: z.coerce.number().min(0.01).max(1).default(0.5),
    /** …once at least this many events failed in that hour. */
    ALERT_FAILURE_MIN_EVENTS: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Reverse proxies in front of the app whose X-Forwarded-For is believed: false (none), true (one) or a count. */
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d)$/, "must be true, false or the number of proxies in front of the app (0-9)")
      .optional()
      .transform((value) => (value === undefined || value === "false" ? 0 : value === "true" ? 1 : Number(value))),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: isBuild,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((issue) => `  - ${issue.path?.join(".") ?? "?"}: ${issue.message}`);
    console.error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
    throw new Error(`Invalid environment variables: ${issues.map((issue) => issue.path?.join(".")).join(", ")}`);
  },
});

/** The public base URL (what JivoChat and browsers reach), without a trailing slash. */
export function appUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
