CREATE TABLE "job_runs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_job_runs" PRIMARY KEY AUTOINCREMENT,
    "Job" TEXT NOT NULL,
    "FireTimeUtc" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Node" TEXT NOT NULL,
    "StartedAtUtc" TEXT NOT NULL,
    "FinishedAtUtc" TEXT NULL,
    "Summary" TEXT NULL
);
CREATE UNIQUE INDEX "IX_job_runs_Job_FireTimeUtc" ON "job_runs" ("Job", "FireTimeUtc");
CREATE TABLE "deadline_marks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_deadline_marks" PRIMARY KEY AUTOINCREMENT,
    "TrackingNumber" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "MarkedOn" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_deadline_marks_TrackingNumber_State_DueOn" ON "deadline_marks" ("TrackingNumber", "State", "DueOn");
CREATE INDEX "IX_deadline_marks_AgencyId_MarkedOn" ON "deadline_marks" ("AgencyId", "MarkedOn");
