import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Only lib/env.ts and the CLI scripts read process.env (STYLE.md: env is validated once).
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
              message: "Import the sandbox through its entry point, @/lib/ploomes-sandbox (lib/ploomes-sandbox/index.ts).",
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
];

export default config;
