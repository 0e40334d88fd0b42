-- CreateTable
CREATE TABLE "ReprocessBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "selection" TEXT NOT NULL,
    "cutoff" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "requeued" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "leaseUntil" DATETIME,
    "lockedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "ReprocessBatch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertIncident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "openKey" TEXT,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "AlertIncident_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlertIncident_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AlertMessage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlertMessage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "AlertIncident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReprocessBatch_status_leaseUntil_idx" ON "ReprocessBatch"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "ReprocessBatch_accountId_createdAt_idx" ON "ReprocessBatch"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertIncident_openKey_key" ON "AlertIncident"("openKey");

-- CreateIndex
CREATE INDEX "AlertIncident_accountId_openedAt_idx" ON "AlertIncident"("accountId", "openedAt");

-- CreateIndex
CREATE INDEX "AlertIncident_integrationId_resolvedAt_idx" ON "AlertIncident"("integrationId", "resolvedAt");

-- CreateIndex
CREATE INDEX "AlertMessage_accountId_createdAt_idx" ON "AlertMessage"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "AlertMessage_delivery_nextAttemptAt_idx" ON "AlertMessage"("delivery", "nextAttemptAt");

