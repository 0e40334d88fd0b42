import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import type { PloomesClient } from "@/lib/ploomes/client";
import { PloomesError } from "@/lib/ploomes/errors";
import { cachedMetadata } from "@/lib/ploomes/metadata";
import { seedAccount } from "../../helpers/seed";

// The "JivoChat" origin is created once per Ploomes account, whatever becomes of the worker that creates it (the
// ledger suites cover many workers at once). A fake Ploomes that keeps what it is sent stands in for the client.
// PLOOMES_TIMEOUT_MS is 1.5 s in these tests, so a lock without a holder ages in 7.5 s.

async function connection() {
  const account = await seedAccount("origin");
  return systemDb.ploomesConnection.create({
    data: {
      accountId: account.id,
      name: "Ploomes",
      baseUrl: "http://127.0.0.1:9/api",
      apiKeyCipher: "x",
      apiKeyLast4: "0000",
      budgetKey: randomBytes(8).toString("hex"),
    },
  });
}

/** A Ploomes whose first create fails after (`lost`) or without (`refused`) creating the origin. */
function fakePloomes(firstCreate: "lost" | "refused") {
  const origins: { Id: number; Name: string }[] = [];
  let calls = 0;
  const client = {
    async findOrCreateOrigin(name: string) {
      calls++;
      const found = origins.find((origin) => origin.Name === name);
      if (found) return found;
      if (calls === 1 && firstCreate === "refused") {
        throw new PloomesError({ kind: "server", method: "POST", path: "/Contacts@Origins", status: 500 });
      }
      const created = { Id: 100 + origins.length, Name: name };
      origins.push(created);
      // Created in Ploomes, but the answer never came back.
      if (calls === 1) throw new PloomesError({ kind: "timeout", method: "POST", path: "/Contacts@Origins" });
      return created;
    },
  } as unknown as PloomesClient;
  return { client, origins, calls: () => calls };
}

describe("the JivoChat origin", () => {
  it("is not created again while a create whose answer was lost may still land", async () => {
    const { id } = await connection();
    const ploomes = fakePloomes("lost");
    await expect(cachedMetadata(id, ploomes.client, "origin")).rejects.toThrow(/timeout/);
    // The next worker waits for the lock to age instead of creating at once; then it finds the origin.
    const started = Date.now();
    expect(await cachedMetadata(id, ploomes.client, "origin")).toEqual({ Id: 100, Name: "JivoChat" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(7_000);
    expect(ploomes.origins).toHaveLength(1);
  }, 30_000);

  it("is tried again at once when Ploomes answered with an error (nothing can still land)", async () => {
    const { id } = await connection();
    const ploomes = fakePloomes("refused");
    await expect(cachedMetadata(id, ploomes.client, "origin")).rejects.toThrow(/500/);
    // The lock is gone with the answer: nobody waits for it to age (that is measured by the state, not a clock).
    expect(await systemDb.ploomesCache.count({ where: { connectionId: id, kind: "origin:lock" } })).toBe(0);
    expect(await cachedMetadata(id, ploomes.client, "origin")).toEqual({ Id: 100, Name: "JivoChat" });
    expect(ploomes.origins).toHaveLength(1);
  });
});
