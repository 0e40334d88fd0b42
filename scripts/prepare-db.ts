// npm run db:prepare – generate the Prisma client for DATABASE_URL's provider and apply pending migrations.
import { prepareDatabase } from "./lib/prepare-database";

const generateOnly = process.argv.includes("--generate-only");
prepareDatabase({ migrate: !generateOnly }).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
