ALTER TABLE "applications" ADD COLUMN "IdType" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "applications" ADD COLUMN "ApplicantKey" TEXT NULL;
ALTER TABLE "applications" ADD COLUMN "PossibleDuplicateOf" TEXT NULL;
CREATE INDEX "IX_applications_ApplicantKey_ReceivedOn" ON "applications" ("ApplicantKey", "ReceivedOn");
ALTER TABLE "audit_log" ADD COLUMN "Seq" INTEGER NULL;
ALTER TABLE "audit_log" ADD COLUMN "PrevHash" TEXT NULL;
ALTER TABLE "audit_log" ADD COLUMN "Hash" TEXT NULL;
CREATE UNIQUE INDEX "IX_audit_log_Seq" ON "audit_log" ("Seq");
CREATE TABLE "audit_head" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_head" PRIMARY KEY,
    "Seq" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL
);
ALTER TABLE "staff_users" ADD COLUMN "MustChangePassword" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "staff_users" ADD COLUMN "IsDisabled" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "report_renderings" (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Format" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "RenderedAtUtc" TEXT NOT NULL,
    CONSTRAINT "PK_report_renderings" PRIMARY KEY ("AgencyId", "Year", "Version", "Format")
);
INSERT INTO "audit_head" ("Id", "Seq", "Hash") VALUES (1, 0, '');
ALTER TABLE "agencies" ADD COLUMN "ReconsiderationBody" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "Court" TEXT NULL;
