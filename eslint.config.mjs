import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The tiers of lib/, lowest first (docs/architecture.md). A folder may import the folders listed before it and
// itself, never one listed after it: imports point down. Within a tier the order is the same rule, finer
// (e.g. lib/sync may flag an integration through lib/alerts; lib/alerts never reaches into lib/sync).
const TIERS = [
  ["base", ["config", "env", "log", "errors", "db", "crypto", "http", "phone", "jivo"]],
  ["adapters", ["ploomes", "jobs"]],
  ["integration model", ["integration-model"]],
  ["pipelines", ["alerts", "sync", "agent-lookup", "webhooks"]],
  ["read side and admin", ["auth", "events", "integrations", "accounts"]],
  ["processes", ["worker", "bootstrap"]],
];

// The sandbox rule (lib/ploomes-sandbox is imported only through its entry point, and the production tiers do
// not import it) goes here: these patterns are added to every tier folder's list below. It must not be a second
// `no-restricted-imports` block over the same files: ESLint would replace these patterns with it, not add to them.
const SANDBOX_PATTERNS = [];

const ORDER = TIERS.flatMap(([tier, folders]) => folders.map((folder) => ({ tier, folder })));

function tierRule({ tier, folder }, index) {
  const patterns = ORDER.slice(index + 1).map((above) => ({
    // `@/lib/sync/…` and relative `../sync/…` alike.
    regex: `^(@/lib/|(\\.\\./)+)${above.folder}(/|$)`,
    message: `lib/${folder} (${tier}) must not import lib/${above.folder} (${above.tier}): imports point down the tiers (docs/architecture.md).`,
  }));
  return {
    files: folder === "env" ? ["lib/env.ts"] : [`lib/${folder}/**/*.{ts,tsx}`],
    rules: { "no-restricted-imports": ["error", { patterns: [...patterns, ...SANDBOX_PATTERNS] }] },
  };
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Only lib/env.ts and the CLI scripts read process.env (env is validated once, in lib/env.ts).
      "no-restricted-properties": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...ORDER.map(tierRule),
];

export default config;
