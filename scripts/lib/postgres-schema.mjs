// Derives the PostgreSQL schema from the SQLite one: same models, another provider. Shared by the sync script
// and by the drift test, so both agree on what "the same" means.
export const POSTGRES_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:sync-schema` — do not edit by hand.\n";

export function toPostgresSchema(sqliteSchema) {
  const body = sqliteSchema.replace(/^\/\/ SQLite schema[\s\S]*?\n\n/, "");
  const converted = body.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  if (converted === body) throw new Error('prisma/schema.prisma has no `provider = "sqlite"` datasource');
  return POSTGRES_HEADER + "\n" + converted;
}
