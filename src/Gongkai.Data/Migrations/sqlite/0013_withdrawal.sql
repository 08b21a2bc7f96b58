ALTER TABLE "publications" ADD COLUMN "WithdrawnAtUtc" TEXT NULL;
ALTER TABLE "publications" ADD COLUMN "WithdrawnBy" TEXT NULL;
ALTER TABLE "publications" ADD COLUMN "WithdrawnReason" TEXT NULL;
