ALTER TABLE report_drafts ADD "ReviewedBy" character varying(100);
ALTER TABLE report_drafts ADD "ReviewedAtUtc" timestamp with time zone;
ALTER TABLE report_locks ADD "Version" integer NOT NULL DEFAULT 1;
ALTER TABLE report_locks ALTER COLUMN "Version" DROP DEFAULT;
ALTER TABLE report_locks DROP CONSTRAINT "PK_report_locks";
ALTER TABLE report_locks ADD CONSTRAINT "PK_report_locks" PRIMARY KEY ("AgencyId", "Year", "Version");
