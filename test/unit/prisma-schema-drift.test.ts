import fs from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error – plain ESM helper shared with scripts/sync-postgres-schema.mjs
import { toPostgresSchema } from "../../scripts/lib/postgres-schema.mjs";

const models = (schema: string) =>
  schema
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .match(/(model|enum) \w+ \{[\s\S]*?\n\}/g) ?? [];

describe("PostgreSQL schema", () => {
  it("is generated from the SQLite schema (run `npm run db:sync-schema` after changing models)", () => {
    const sqlite = fs.readFileSync("prisma/schema.prisma", "utf8");
    const postgres = fs.readFileSync("prisma/postgres/schema.prisma", "utf8");
    expect(postgres).toBe(toPostgresSchema(sqlite));
    expect(models(postgres)).toEqual(models(sqlite));
    expect(models(sqlite).length).toBeGreaterThan(5);
  });

  it("has a migration for every model in both folders", () => {
    for (const dir of ["prisma/migrations", "prisma/postgres/migrations"]) {
      const sql = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => fs.readFileSync(`${dir}/${entry.name}/migration.sql`, "utf8"))
        .join("\n");
      for (const model of models(fs.readFileSync("prisma/schema.prisma", "utf8"))) {
        const name = /^(?:model|enum) (\w+)/.exec(model)![1];
        expect(sql, `${dir} creates ${name}`).toContain(`CREATE TABLE "${name}"`);
      }
    }
  });
});
