ALTER TABLE "agencies" ADD COLUMN "AcceptingOffice" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "Email" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "PostalCode" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "Website" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "Channels" TEXT NULL;
