import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Inputs of `next build`: when any of them changes (or the database provider does), the build is stale.
const INPUTS = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "public",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const STAMP = path.join(".next", "app-build-stamp.json");

function walk(entry: string, hash: ReturnType<typeof createHash>) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(entry).sort()) {
      if (child === "node_modules" || child.endsWith(".test.ts")) continue;
      walk(path.join(entry, child), hash);
    }
    return;
  }
  hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
}

export function buildFingerprint(provider: string): string {
  const hash = createHash("sha256").update(`provider=${provider}\n`);
  for (const input of INPUTS) walk(input, hash);
  return hash.digest("hex");
}

export function isBuildFresh(provider: string): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return false;
  try {
    return JSON.parse(fs.readFileSync(STAMP, "utf8")).fingerprint === buildFingerprint(provider);
  } catch {
    return false;
  }
}

export function writeBuildStamp(provider: string): void {
  fs.writeFileSync(STAMP, JSON.stringify({ fingerprint: buildFingerprint(provider), at: new Date().toISOString() }));
}
