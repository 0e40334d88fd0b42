-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "agentAnswer" TEXT;
