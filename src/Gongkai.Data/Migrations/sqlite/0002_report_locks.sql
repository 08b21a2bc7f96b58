CREATE TABLE report_locks (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "IncludeSubordinates" INTEGER NOT NULL,
    "LockedAtUtc" TEXT NOT NULL,
    "LockedBy" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    CONSTRAINT "PK_report_locks" PRIMARY KEY ("AgencyId", "Year")
);
