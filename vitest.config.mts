import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects: fast pure-logic unit tests, and integration tests that use a real database
// (SQLite by default, PostgreSQL when DATABASE_URL says so) and the sandbox over real HTTP.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "test/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["test/setup-test-env.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/setup-test-env.ts", "test/integration/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      // The long reliability suites (bursts of thousands of events, crashes): only through `npm run
      // test:reliability`, which sets RELIABILITY=1 — a plain `vitest run` runs every project it knows.
      ...(process.env.RELIABILITY === "1"
        ? [
            {
              extends: true,
              test: {
                name: "reliability",
                include: ["test/reliability/**/*.test.ts"],
                environment: "node",
                globalSetup: ["test/integration/global-setup.ts"],
                setupFiles: ["test/setup-test-env.ts", "test/integration/setup-env.ts"],
                testTimeout: 60 * 60_000,
                hookTimeout: 10 * 60_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
