import { randomUUID } from "node:crypto";
import { systemDb } from "@/lib/db/client";

/**
 * A sandbox connection stored straight in the test database, for specs that seed events and never call Ploomes:
 * its URL points at a closed port and its key cannot be decrypted, so any real call would fail loudly.
 */
export function seedSandboxConnection(accountId: string) {
  return systemDb.ploomesConnection.create({
    data: {
      accountId,
      name: "Sandbox",
      baseUrl: "http://127.0.0.1:9/api",
      apiKeyCipher: "x",
      apiKeyLast4: "0000",
      budgetKey: randomUUID(),
      isSandbox: true,
    },
  });
}
