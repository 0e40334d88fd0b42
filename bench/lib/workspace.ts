import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../scripts/lib/run";

// Benchmarks run in a private copy of this checkout, one per database provider, because they build the app
// (`.next`) and generate the Prisma client for their provider (`node_modules/.prisma`): doing either in the
// shared checkout would pull the ground from under other people's servers and tests.
const ROOT = path.join(os.tmpdir(), "jivo-ploomes-bench");
const LEFT_OUT = [
  "/node_modules",
  "/.next",
  "/data",
  "/test-results",
  "/playwright-report",
  "/.git",
  "/bench/results",
  "*.tsbuildinfo",
];

export type Provider = "sqlite" | "postgresql";

const lockOf = (dir: string) => {
  const file = path.join(dir, "node_modules", ".package-lock.json");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
};

/** Mirrors the current sources into the provider's workspace, with its own node_modules and Prisma client. */
export async function prepareWorkspace(provider: Provider, databaseUrl?: string): Promise<string> {
  const dir = path.join(ROOT, provider);
  fs.mkdirSync(dir, { recursive: true });
  await run("rsync", [
    "-a",
    "--delete",
    ...LEFT_OUT.flatMap((pattern) => ["--exclude", pattern]),
    `${process.cwd()}/`,
    `${dir}/`,
  ]);
  if (lockOf(dir) !== lockOf(process.cwd())) {
    console.log(`Copying node_modules into ${dir} (first run or dependencies changed)…`);
    fs.rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    // A real copy, not hard links: generating the Prisma client rewrites files inside node_modules.
    await run("cp", ["-a", "node_modules", path.join(dir, "node_modules")]);
  }
  const env: Record<string, string | undefined> = { ...process.env };
  if (provider === "postgresql") env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  await run(path.join("node_modules", ".bin", "tsx"), ["scripts/prepare-db.ts", "--generate-only"], {
    cwd: dir,
    env: env as NodeJS.ProcessEnv,
    stdio: "ignore",
  });
  return dir;
}
