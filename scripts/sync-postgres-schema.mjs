// Regenerates prisma/postgres/schema.prisma from prisma/schema.prisma.
// After changing models: `npm run db:sync-schema`, then create both migrations (see README, "Changing the schema").
import fs from "node:fs";
import { toPostgresSchema } from "./lib/postgres-schema.mjs";

const source = fs.readFileSync("prisma/schema.prisma", "utf8");
fs.mkdirSync("prisma/postgres", { recursive: true });
fs.writeFileSync("prisma/postgres/schema.prisma", toPostgresSchema(source));
console.log("prisma/postgres/schema.prisma regenerated from prisma/schema.prisma");
