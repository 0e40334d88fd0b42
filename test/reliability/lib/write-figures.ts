import fs from "node:fs";
import path from "node:path";

const DIR = path.resolve("data", "reliability", "figures");

/** Keeps a run's figures (data/reliability/figures/<name>.json) for scripts/reliability.ts and docs/reliability.md. */
export function writeFigures(name: string, figures: Record<string, unknown>): void {
  fs.mkdirSync(DIR, { recursive: true });
  const stamped = { name, at: new Date().toISOString(), database: process.env.DATABASE_URL?.split(":")[0], ...figures };
  fs.writeFileSync(path.join(DIR, `${name}.json`), `${JSON.stringify(stamped, null, 2)}\n`);
}

export function readFigures(): Record<string, unknown>[] {
  if (!fs.existsSync(DIR)) return [];
  return fs
    .readdirSync(DIR)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as Record<string, unknown>);
}
