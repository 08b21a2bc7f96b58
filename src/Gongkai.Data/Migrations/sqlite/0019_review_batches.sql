-- 年报审查 batches, their reports (files kept as evidence) and the 问题清单 with its 整改 (Data/Review/ReviewStore).
CREATE TABLE "review_batches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_review_batches" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);
CREATE TABLE "review_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_review_reports" PRIMARY KEY AUTOINCREMENT,
    "BatchId" INTEGER NOT NULL,
    "AgencyId" TEXT NULL,
    "AgencyName" TEXT NULL,
    "Year" INTEGER NULL,
    "Edition" TEXT NULL,
    "Form" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NULL,
    "Content" BLOB NULL,
    "Json" TEXT NULL,
    "ReaderDiagnostics" TEXT NOT NULL,
    "Context" TEXT NULL,
    "Diagnostics" TEXT NOT NULL,
    "Errors" INTEGER NOT NULL,
    "Warnings" INTEGER NOT NULL,
    "PublishedOn" TEXT NULL,
    "Corrects" INTEGER NULL,
    "AddedBy" TEXT NOT NULL,
    "AddedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_review_reports_review_batches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "review_batches" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "review_problems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_review_problems" PRIMARY KEY AUTOINCREMENT,
    "BatchId" INTEGER NOT NULL,
    "ReportId" INTEGER NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Severity" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "Message" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "AnswerKind" INTEGER NULL,
    "Answer" TEXT NULL,
    "CorrectedReportId" INTEGER NULL,
    "ReturnReason" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "AnsweredBy" TEXT NULL,
    "AnsweredAtUtc" TEXT NULL,
    "ClosedBy" TEXT NULL,
    "ClosedAtUtc" TEXT NULL,
    CONSTRAINT "FK_review_problems_review_batches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "review_batches" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_review_problems_review_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "review_reports" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_review_batches_AgencyId" ON "review_batches" ("AgencyId");
CREATE INDEX "IX_review_problems_AgencyId_State" ON "review_problems" ("AgencyId", "State");
CREATE INDEX "IX_review_problems_BatchId_State" ON "review_problems" ("BatchId", "State");
CREATE INDEX "IX_review_problems_ReportId" ON "review_problems" ("ReportId");
CREATE INDEX "IX_review_reports_BatchId_AgencyId_Year" ON "review_reports" ("BatchId", "AgencyId", "Year");
