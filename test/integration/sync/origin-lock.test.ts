import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import type { PloomesClient } from "@/lib/ploomes/client";
import { cachedMetadata, OriginBusyError } from "@/lib/sync/ploomes-metadata";
import { seedAccount } from "../../helpers/seed";

// The "JivoChat" origin is created once per Ploomes account, whatever becomes of the worker that creates it (the
// ledger suites cover many workers at once). A fake Ploomes that keeps what it is sent stands in for the client.

async function connection() {
  const account = await seedAccount("origin");
  return systemDb.ploomesConnection.create({
    data: { accountId: account.id, name: "Ploomes", baseUrl: "http://127.0.0.1:9/api", apiKeyCipher: "x", apiKeyLast4: "0000", budgetKey: randomBytes(8).toString("hex") },
  });
}

function fakePloomes(options: { loseFirstAnswer?: boolean } = {}) {
  const origins: { Id: number; Name: string }[] = [];
  let calls = 0;
  const client = {
    async findOrCreateOrigin(name: string) {
      calls++;
      const found = origins.find((origin) => origin.Name === name);
      if (found) return found;
      const created = { Id: 100 + origins.length, Name: name };
      origins.push(created);
      // Created in Ploomes, but the answer never came back.
      if (options.loseFirstAnswer && origins.length === 1) throw new Error("timeout after 10000 ms");
      return created;
    },
  } as unknown as PloomesClient;
  return { client, origins, calls: () => calls };
}

describe("the JivoChat origin", () => {
  it("is not created again while a failed creation may still land: others retry later, then find it", async () => {
    const { id } = await connection();
    const ploomes = fakePloomes({ loseFirstAnswer: true });
    await expect(cachedMetadata(id, ploomes.client, "origin")).rejects.toThrow(/timeout/);
    // The lock stays: a second worker waits, then gives up for a retry instead of creating a second origin.
    const started = Date.now();
    await expect(cachedMetadata(id, ploomes.client, "origin")).rejects.toBeInstanceOf(OriginBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(ploomes.calls()).toBe(1);
    // Once the lock has aged (here: aged by hand), the next attempt finds the origin the lost request created.
    await systemDb.ploomesCache.updateMany({ where: { connectionId: id, kind: "origin:lock" }, data: { fetchedAt: new Date(Date.now() - 120_000) } });
    expect(await cachedMetadata(id, ploomes.client, "origin")).toEqual({ Id: 100, Name: "JivoChat" });
    expect(ploomes.origins).toHaveLength(1);
  }, 30_000);
});
