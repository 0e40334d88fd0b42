import { z } from "zod";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PloomesError } from "./errors";
import type { PloomesClient } from "./client";
import { fieldSchema, originSchema, pipelineSchema, userSchema } from "./schemas";

// Funnels, fields, users and the "JivoChat" origin change rarely and cost budget, so they are cached per
// connection in the database (shared by every process). "Atualizar dados do Ploomes" refreshes them.
// Each row is stamped with the scope of the client that loaded it (its address and key): after a reconnect to
// another account, a job still running with the old key may store the old account's ids, but no client of the
// new key ever reads them — it reloads instead.
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
  origin: {
    schema: originSchema,
    ttl: Number.POSITIVE_INFINITY,
    load: (client: PloomesClient) => client.findOrCreateOrigin("JivoChat"),
  },
} as const;

type Kind = keyof typeof KINDS;
type Value<K extends Kind> = z.infer<(typeof KINDS)[K]["schema"]>;

const inFlight = new Map<string, Promise<unknown>>();

export async function cachedMetadata<K extends Kind>(
  connectionId: string,
  client: PloomesClient,
  kind: K,
  options: { refresh?: boolean } = {},
): Promise<Value<K>> {
  if (!options.refresh) {
    const cached = await readFresh(connectionId, kind, client.scope);
    if (cached) return cached;
  }
  // Concurrent jobs of one process share one load (and, for the origin, one creation).
  const key = `${connectionId}:${client.scope}:${kind}:${options.refresh ? "refresh" : ""}`;
  const running = inFlight.get(key) as Promise<Value<K>> | undefined;
  if (running) return running;
  const load = (
    kind === "origin" ? loadOriginOnce(connectionId, client) : loadAndStore(connectionId, client, kind)
  ) as Promise<Value<K>>;
  inFlight.set(key, load);
  try {
    return await load;
  } finally {
    inFlight.delete(key);
  }
}

async function readFresh<K extends Kind>(connectionId: string, kind: K, scope: string): Promise<Value<K> | null> {
  const row = await systemDb.ploomesCache.findUnique({ where: { connectionId_kind: { connectionId, kind } } });
  if (!row || row.scope !== scope || Date.now() - row.fetchedAt.getTime() >= KINDS[kind].ttl) return null;
  const parsed = KINDS[kind].schema.safeParse(JSON.parse(row.data));
  return parsed.success ? (parsed.data as Value<K>) : null;
}

async function loadAndStore<K extends Kind>(connectionId: string, client: PloomesClient, kind: K): Promise<Value<K>> {
  const value = (await KINDS[kind].load(client)) as Value<K>;
  const data = JSON.stringify(value);
  await systemDb.ploomesCache.upsert({
    where: { connectionId_kind: { connectionId, kind } },
    create: { connectionId, kind, data, scope: client.scope },
    update: { data, scope: client.scope, fetchedAt: new Date() },
  });
  return value;
}

const LOCK_WAIT_MS = 15_000;
// How long a lock holds without its holder: the holder's two calls (find, create), and then time for a request
// whose answer was lost (a timeout, a killed worker) to land in Ploomes before anyone else may create.
const lockStaleMs = () => env.PLOOMES_TIMEOUT_MS * 5;

/** Another worker is creating the origin (or its attempt may still land): retried later, like a 429. */
export class OriginBusyError extends Error {
  constructor() {
    super('Outro processo está criando a origem "JivoChat" no Ploomes; nova tentativa em instantes.');
    this.name = "OriginBusyError";
  }
}

/**
 * Finding-or-creating the "JivoChat" origin is the one write among the metadata: across processes, a lock row
 * lets a single worker do it while the others wait for its result, so Ploomes never gets two origins. A lock whose
 * holder got no answer, or died, ages before anyone else may create; waiters give up for a later retry rather than
 * create without it.
 */
async function loadOriginOnce(connectionId: string, client: PloomesClient): Promise<Value<"origin">> {
  const lock = { connectionId_kind: { connectionId, kind: "origin:lock" } };
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const stale = new Date(Date.now() - lockStaleMs());
    await systemDb.ploomesCache.deleteMany({ where: { connectionId, kind: "origin:lock", fetchedAt: { lt: stale } } });
    const won = await systemDb.ploomesCache
      .create({ data: { connectionId, kind: "origin:lock", data: "" } })
      .then(() => true)
      .catch(() => false);
    if (won) {
      try {
        const value = await loadAndStore(connectionId, client, "origin");
        await systemDb.ploomesCache.delete({ where: lock }).catch(() => undefined);
        return value;
      } catch (error) {
        // Ploomes answered (401, 429, 500): nothing of ours can still land, the next worker may go at once. No
        // answer (a timeout, the network): the create may still land, so the lock ages from now.
        const answered = error instanceof PloomesError && error.status !== undefined;
        await (
          answered
            ? systemDb.ploomesCache.delete({ where: lock })
            : systemDb.ploomesCache.update({ where: lock, data: { fetchedAt: new Date() } })
        ).catch(() => undefined);
        throw error;
      }
    }
    const cached = await readFresh(connectionId, "origin", client.scope);
    if (cached) return cached;
    if (Date.now() >= deadline) throw new OriginBusyError();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The cached value, whatever its age, without calling Ploomes (null when never loaded through this client's key). */
export async function peekMetadata<K extends Kind>(
  connectionId: string,
  client: PloomesClient,
  kind: K,
): Promise<Value<K> | null> {
  const row = await systemDb.ploomesCache.findUnique({ where: { connectionId_kind: { connectionId, kind } } });
  if (!row || row.scope !== client.scope) return null;
  const parsed = KINDS[kind].schema.safeParse(JSON.parse(row.data));
  return parsed.success ? (parsed.data as Value<K>) : null;
}

/** Drops every cached kind. An origin lock stays: its holder may still be creating the origin (it ages on its own). */
export async function clearMetadata(connectionId: string): Promise<void> {
  await systemDb.ploomesCache.deleteMany({ where: { connectionId, kind: { not: "origin:lock" } } });
}

/** Drops one kind (not the origin lock): the next use loads it again from the account. */
export async function forgetMetadata(connectionId: string, kind: Kind): Promise<void> {
  await systemDb.ploomesCache.deleteMany({ where: { connectionId, kind } });
}
