import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Captures the screenshots in docs/screenshots (not a test suite):
//   npx tsx scripts/e2e.ts --config playwright.docs.config.ts
export default defineConfig({
  ...base,
  testDir: "docs/capture",
  retries: 0,
  projects: [{ name: "docs" }],
  use: { ...base.use, viewport: { width: 1280, height: 860 } },
});
