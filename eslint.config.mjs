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

// The production pipeline (everything up to the pipelines tier) never depends on the sandbox, not even on its
// entry point: only the admin use cases (connecting an integration to this app's own sandbox) and the app's
// routes and pages use it. The "Sandbox boundary" blocks below keep its internals behind that entry point.
const SANDBOX_FREE_TIERS = new Set(["base", "adapters", "integration model", "pipelines"]);
const SANDBOX_PATTERNS = [
  {
    regex: "^@/lib/ploomes-sandbox(/|$)",
    message: "The production pipeline must not depend on the built-in sandbox (docs/architecture.md).",
  },
];

const ORDER = TIERS.flatMap(([tier, folders]) => folders.map((folder) => ({ tier, folder })));

function tierRule({ tier, folder }, index) {
  const patterns = ORDER.slice(index + 1).map((above) => ({
    // `@/lib/sync/…` and relative `../sync/…` alike.
    regex: `^(@/lib/|(\\.\\./)+)${above.folder}(/|$)`,
    message: `lib/${folder} (${tier}) must not import lib/${above.folder} (${above.tier}): imports point down the tiers (docs/architecture.md).`,
  }));
  return {
    files: folder === "env" ? ["lib/env.ts"] : [`lib/${folder}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...patterns, ...(SANDBOX_FREE_TIERS.has(tier) ? SANDBOX_PATTERNS : [])] },
      ],
    },
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
  // Sandbox boundary. The built-in Ploomes sandbox stands apart from the production tiers, behind one entry point
  // (lib/ploomes-sandbox/index.ts). Outside lib/ploomes-sandbox/ only that entry point may be imported; inside it,
  // nothing above the base tier (env, db, errors, log, http, crypto, phone), so the production code never comes to
  // depend on the sandbox's internals nor the sandbox on production code. The typescript-eslint variant of
  // no-restricted-imports (same options, type imports included) keeps this rule's options from replacing, or being
  // replaced by, the core rule's options that the layer rules set for the same files.
  {
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    ignores: ["lib/ploomes-sandbox/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/ploomes-sandbox/*", "**/ploomes-sandbox/*"],
              message:
                "Import the sandbox through its entry point, @/lib/ploomes-sandbox (lib/ploomes-sandbox/index.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/ploomes-sandbox/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Any module of the app but the base tier (and test helpers, for the sandbox's own tests); the
              // sandbox's own modules are imported by relative path, never through its entry point.
              regex: "^@/(?!(lib/(env|db|errors|log|http|crypto|phone)|test)(/|$))",
              message:
                "The sandbox may import only the base tier (lib/env, db, errors, log, http, crypto, phone) and its own modules.",
            },
          ],
        },
      ],
    },
  },
  ...ORDER.map(tierRule),
];

export default config;
