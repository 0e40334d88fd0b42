
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PloomesConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "apiKeyCipher" TEXT NOT NULL,
    "apiKeyLast4" TEXT NOT NULL,
    "budgetKey" TEXT NOT NULL,
    "isSandbox" BOOLEAN NOT NULL DEFAULT false,
    "sandboxTenantId" TEXT,
    "ploomesAccountName" TEXT,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PloomesConnection_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PloomesConnection_sandboxTenantId_fkey" FOREIGN KEY ("sandboxTenantId") REFERENCES "SandboxTenant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PloomesConnection" ("accountId", "apiKeyCipher", "apiKeyLast4", "baseUrl", "budgetKey", "createdAt", "id", "isSandbox", "name", "ploomesAccountName", "updatedAt", "verifiedAt") SELECT "accountId", "apiKeyCipher", "apiKeyLast4", "baseUrl", "budgetKey", "createdAt", "id", "isSandbox", "name", "ploomesAccountName", "updatedAt", "verifiedAt" FROM "PloomesConnection";
DROP TABLE "PloomesConnection";
ALTER TABLE "new_PloomesConnection" RENAME TO "PloomesConnection";
CREATE INDEX "PloomesConnection_accountId_idx" ON "PloomesConnection"("accountId");
CREATE INDEX "PloomesConnection_budgetKey_idx" ON "PloomesConnection"("budgetKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

