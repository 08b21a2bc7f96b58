ALTER TABLE publications ADD "WithdrawnAtUtc" timestamp with time zone;
ALTER TABLE publications ADD "WithdrawnBy" character varying(100);
ALTER TABLE publications ADD "WithdrawnReason" character varying(1000);
