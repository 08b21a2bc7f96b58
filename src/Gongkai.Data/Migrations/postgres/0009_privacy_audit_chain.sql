ALTER TABLE applications ALTER COLUMN "IdNumber" TYPE character varying(200);
ALTER TABLE applications ALTER COLUMN "Phone" TYPE character varying(200);
ALTER TABLE applications ALTER COLUMN "Email" TYPE character varying(1000);
ALTER TABLE applications ALTER COLUMN "Address" TYPE character varying(2000);
ALTER TABLE applications ADD "IdType" integer NOT NULL DEFAULT 0;
ALTER TABLE applications ADD "ApplicantKey" character varying(32);
ALTER TABLE applications ADD "PossibleDuplicateOf" character varying(40);
CREATE INDEX "IX_applications_ApplicantKey_ReceivedOn" ON applications ("ApplicantKey", "ReceivedOn");
ALTER TABLE audit_log ADD "Seq" bigint;
ALTER TABLE audit_log ADD "PrevHash" character varying(64);
ALTER TABLE audit_log ADD "Hash" character varying(64);
CREATE UNIQUE INDEX "IX_audit_log_Seq" ON audit_log ("Seq");
CREATE TABLE audit_head (
    "Id" integer NOT NULL,
    "Seq" bigint NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_audit_head" PRIMARY KEY ("Id")
);
ALTER TABLE staff_users ADD "MustChangePassword" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE staff_users ADD "IsDisabled" boolean NOT NULL DEFAULT FALSE;
CREATE TABLE report_renderings (
    "AgencyId" character varying(40) NOT NULL,
    "Year" integer NOT NULL,
    "Version" integer NOT NULL,
    "Format" character varying(10) NOT NULL,
    "ContentType" character varying(120) NOT NULL,
    "Content" bytea NOT NULL,
    "RenderedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_report_renderings" PRIMARY KEY ("AgencyId", "Year", "Version", "Format")
);
INSERT INTO audit_head ("Id", "Seq", "Hash") VALUES (1, 0, '');
ALTER TABLE agencies ADD "ReconsiderationBody" character varying(200);
ALTER TABLE agencies ADD "Court" character varying(200);
