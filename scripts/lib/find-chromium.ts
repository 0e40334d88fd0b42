import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * A Chromium for Playwright: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download.
 * As root on Debian with none of them, installs Debian's package; otherwise explains what to install.
 */
export async function findChromium(): Promise<string> {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    const { chromium } = await import("@playwright/test");
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright's own browser is optional.
  }
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get)…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(
    "No Chromium for the browser tests. Install one of:\n" +
      "  - Debian/Ubuntu: sudo apt-get install chromium\n" +
      "  - any OS: npx playwright install chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium/Chrome binary.",
  );
}
