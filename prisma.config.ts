// Prisma CLI configuration: the wasm schema engine with driver adapters (Prisma 6.19 "js" engine), so that
// migrations run offline. The provider follows DATABASE_URL: postgres(ql):// → prisma/postgres, else SQLite.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabase } from "./lib/db/resolve-database";

const database = resolveDatabase(process.env.DATABASE_URL);
const isPostgres = database.provider === "postgresql";
// The schema files keep `url = env("DATABASE_URL")`; make sure it holds the resolved URL.
process.env.DATABASE_URL = database.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: isPostgres ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations") },
  async adapter() {
    if (!isPostgres) return new PrismaBetterSQLite3({ url: database.url });
    const factory = new PrismaPg({ connectionString: database.url });
    return withCatalogTypesAsText(factory);
  },
});

// prisma/prisma#27403: adapter-pg 6.19 cannot deserialise the catalog types `name` (oid 19) and `"char"`
// (oid 18) that the schema engine reads while introspecting, so every migrate command fails. Reading them as
// text is what the native engine does. Only the CLI needs this; the app never selects catalog columns.
type Factory = InstanceType<typeof PrismaPg>;
function withCatalogTypesAsText(factory: Factory): Factory {
  const patch = (queryable: object) => {
    let proto = Object.getPrototypeOf(queryable) as Record<string, unknown> | null;
    while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
    if (!proto || (proto as { __catalogPatched?: boolean }).__catalogPatched) return;
    const performIO = proto.performIO as (
      this: unknown,
      query: unknown,
    ) => Promise<{ fields: { dataTypeID: number }[] }>;
    proto.performIO = async function (this: unknown, query: unknown) {
      const result = await performIO.call(this, query);
      for (const field of result.fields) if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    (proto as { __catalogPatched?: boolean }).__catalogPatched = true;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patch(adapter);
    return adapter;
  };
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectToShadowDb();
    patch(adapter);
    return adapter;
  };
  return factory;
}
