import { z } from "zod";
import { systemDb } from "@/lib/db/client";
import type { PloomesClient } from "@/lib/ploomes/client";
import { fieldSchema, originSchema, pipelineSchema, userSchema } from "@/lib/ploomes/schemas";

// Funnels, fields, users and the "JivoChat" origin change rarely and cost budget, so they are cached per
// connection in the database (shared by every process). "Atualizar dados do Ploomes" refreshes them.
const TTL_MS = 60 * 60_000;

const KINDS = {
  pipelines: { schema: z.array(pipelineSchema), ttl: TTL_MS, load: (client: PloomesClient) => client.listPipelines() },
  users: { schema: z.array(userSchema), ttl: TTL_MS, load: (client: PloomesClient) => client.listUsers() },
  fields: {
    schema: z.array(fieldSchema),
    ttl: TTL_MS,
    load: async (client: PloomesClient) => {
      const lists = await Promise.all(([1, 2, 3] as const).map((entity) => client.listFields(entity)));
      return lists.flat();
    },
  },
  // The origin's id never changes once it exists.
  origin: { schema: originSchema, ttl: Number.POSITIVE_INFINITY, load: (client: PloomesClient) => client.findOrCreateOrigin("JivoChat") },
} as const;

type Kind = keyof typeof KINDS;
type Value<K extends Kind> = z.infer<(typeof KINDS)[K]["schema"]>;

export async function cachedMetadata<K extends Kind>(
  connectionId: string,
  client: PloomesClient,
  kind: K,
  options: { refresh?: boolean } = {},
): Promise<Value<K>> {
  const spec = KINDS[kind];
  if (!options.refresh) {
    const row = await systemDb.ploomesCache.findUnique({ where: { connectionId_kind: { connectionId, kind } } });
    if (row && Date.now() - row.fetchedAt.getTime() < spec.ttl) {
      const parsed = spec.schema.safeParse(JSON.parse(row.data));
      if (parsed.success) return parsed.data as Value<K>;
    }
  }
  const value = (await spec.load(client)) as Value<K>;
  const data = JSON.stringify(value);
  await systemDb.ploomesCache.upsert({
    where: { connectionId_kind: { connectionId, kind } },
    create: { connectionId, kind, data },
    update: { data, fetchedAt: new Date() },
  });
  return value;
}

/** The cached value, whatever its age, without calling Ploomes (null when never loaded). */
export async function peekMetadata<K extends Kind>(connectionId: string, kind: K): Promise<Value<K> | null> {
  const row = await systemDb.ploomesCache.findUnique({ where: { connectionId_kind: { connectionId, kind } } });
  if (!row) return null;
  const parsed = KINDS[kind].schema.safeParse(JSON.parse(row.data));
  return parsed.success ? (parsed.data as Value<K>) : null;
}

export async function clearMetadata(connectionId: string): Promise<void> {
  await systemDb.ploomesCache.deleteMany({ where: { connectionId } });
}
