CREATE TABLE "disclosure_suggestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_disclosure_suggestions" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" TEXT NOT NULL,
    "GroupKey" TEXT NOT NULL,
    "TrackingNumbers" TEXT NOT NULL,
    "Accepted" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "PublicationId" INTEGER NULL,
    "DecidedBy" TEXT NOT NULL,
    "DecidedAtUtc" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_disclosure_suggestions_AgencyId_GroupKey" ON "disclosure_suggestions" ("AgencyId", "GroupKey");
