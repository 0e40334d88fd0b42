import { Prisma } from "@prisma/client";
import { systemDb } from "./client";

// Models that belong to an account. Every query through a scoped client is filtered by accountId and every
// create is stamped with it; any other model is refused, so forgetting the scope fails loudly instead of leaking.
const ACCOUNT_MODELS = new Set<string>([
  "User",
  "PloomesConnection",
  "Integration",
  "WebhookEvent",
  "SandboxTenant",
  "ReprocessBatch",
  "AlertIncident",
  "AlertMessage",
]);

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown };

function stamp(data: unknown, accountId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => stamp(row, accountId));
  return { ...(data as Record<string, unknown>), accountId };
}

export function scopedDb(accountId: string) {
  if (!accountId) throw new Error("scopedDb needs an accountId");
  return systemDb.$extends(
    Prisma.defineExtension({
      name: "account-scope",
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query }) {
            if (!ACCOUNT_MODELS.has(model)) {
              throw new Error(`${model} is not account-scoped: reach it through its account's records`);
            }
            const scoped: Args = { ...(args as Args) };
            if (WHERE_OPERATIONS.has(operation)) scoped.where = { ...scoped.where, accountId };
            if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") {
              scoped.data = stamp(scoped.data, accountId);
            }
            if (operation === "upsert") scoped.create = stamp(scoped.create, accountId);
            if ((operation === "update" || operation === "updateMany") && scoped.data) {
              // Moving a row to another account is never a user action.
              const data = scoped.data as Record<string, unknown>;
              if ("accountId" in data || "account" in data) throw new Error("accountId cannot be changed");
            }
            return query(scoped as typeof args);
          },
        },
      },
    }),
  );
}

export type ScopedDb = ReturnType<typeof scopedDb>;
