-- AlterTable
ALTER TABLE "SandboxTenant" ADD COLUMN     "faultSchedule" TEXT,
ADD COLUMN     "faultPosition" INTEGER NOT NULL DEFAULT 0;
