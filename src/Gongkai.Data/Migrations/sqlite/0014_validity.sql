ALTER TABLE "publications" ADD COLUMN "ValidityChangedOn" TEXT NULL;
ALTER TABLE "publications" ADD COLUMN "RepealedByNumber" TEXT NULL;
ALTER TABLE "publications" ADD COLUMN "RepealedByUrl" TEXT NULL;
