CREATE TABLE submission_keys (
    "Key" character varying(120) NOT NULL,
    "TrackingNumber" character varying(40) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_submission_keys" PRIMARY KEY ("Key")
);
