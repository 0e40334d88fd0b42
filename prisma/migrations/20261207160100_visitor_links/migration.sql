-- CreateTable
CREATE TABLE "VisitorLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "integrationId" TEXT NOT NULL,
    "widgetId" TEXT NOT NULL,
    "visitorNumber" TEXT NOT NULL,
    "personId" INTEGER,
    "companyId" INTEGER,
    "leadId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VisitorLink_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitorLink_integrationId_widgetId_visitorNumber_key" ON "VisitorLink"("integrationId", "widgetId", "visitorNumber");

