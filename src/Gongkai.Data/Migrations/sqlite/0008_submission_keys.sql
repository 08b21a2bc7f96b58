CREATE TABLE "submission_keys" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_submission_keys" PRIMARY KEY,
    "TrackingNumber" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);
