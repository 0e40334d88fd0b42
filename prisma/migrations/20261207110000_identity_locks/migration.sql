-- AlterTable
ALTER TABLE "PloomesCache" ADD COLUMN "scope" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "IdentityLock" (
    "accountScope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accountScope", "key")
);

-- CreateIndex
CREATE INDEX "IdentityLock_jobId_idx" ON "IdentityLock"("jobId");

-- CreateIndex
CREATE INDEX "IdentityLock_expiresAt_idx" ON "IdentityLock"("expiresAt");
