-- AlterTable
ALTER TABLE "PloomesCache" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "IdentityLock" (
    "accountScope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityLock_pkey" PRIMARY KEY ("accountScope","key")
);

-- CreateIndex
CREATE INDEX "IdentityLock_jobId_idx" ON "IdentityLock"("jobId");

-- CreateIndex
CREATE INDEX "IdentityLock_expiresAt_idx" ON "IdentityLock"("expiresAt");
