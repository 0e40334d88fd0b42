-- AlterTable
ALTER TABLE "SandboxTenant" ADD COLUMN "faultSchedule" TEXT;
ALTER TABLE "SandboxTenant" ADD COLUMN "faultPosition" INTEGER NOT NULL DEFAULT 0;
