CREATE TABLE report_locks (
    "AgencyId" character varying(40) NOT NULL,
    "Year" integer NOT NULL,
    "IncludeSubordinates" boolean NOT NULL,
    "LockedAtUtc" timestamp with time zone NOT NULL,
    "LockedBy" character varying(100) NOT NULL,
    "Json" text NOT NULL,
    CONSTRAINT "PK_report_locks" PRIMARY KEY ("AgencyId", "Year")
);
