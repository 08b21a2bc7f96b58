ALTER TABLE "report_drafts" ADD COLUMN "ReviewedBy" TEXT NULL;
ALTER TABLE "report_drafts" ADD COLUMN "ReviewedAtUtc" TEXT NULL;
CREATE TABLE "report_locks_v" (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "IncludeSubordinates" INTEGER NOT NULL,
    "LockedAtUtc" TEXT NOT NULL,
    "LockedBy" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    CONSTRAINT "PK_report_locks" PRIMARY KEY ("AgencyId", "Year", "Version")
);
INSERT INTO "report_locks_v" ("AgencyId", "Year", "Version", "IncludeSubordinates", "LockedAtUtc", "LockedBy", "Json")
    SELECT "AgencyId", "Year", 1, "IncludeSubordinates", "LockedAtUtc", "LockedBy", "Json" FROM report_locks;
DROP TABLE report_locks;
ALTER TABLE "report_locks_v" RENAME TO report_locks;
