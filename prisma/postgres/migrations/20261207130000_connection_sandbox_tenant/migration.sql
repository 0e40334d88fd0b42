
-- AlterTable
ALTER TABLE "PloomesConnection" ADD COLUMN     "sandboxTenantId" TEXT;

-- AddForeignKey
ALTER TABLE "PloomesConnection" ADD CONSTRAINT "PloomesConnection_sandboxTenantId_fkey" FOREIGN KEY ("sandboxTenantId") REFERENCES "SandboxTenant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

