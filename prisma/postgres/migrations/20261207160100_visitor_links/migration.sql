-- CreateTable
CREATE TABLE "VisitorLink" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "widgetId" TEXT NOT NULL,
    "visitorNumber" TEXT NOT NULL,
    "personId" INTEGER,
    "companyId" INTEGER,
    "leadId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitorLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitorLink_integrationId_widgetId_visitorNumber_key" ON "VisitorLink"("integrationId", "widgetId", "visitorNumber");

-- AddForeignKey
ALTER TABLE "VisitorLink" ADD CONSTRAINT "VisitorLink_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

