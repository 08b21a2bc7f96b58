ALTER TABLE "applications" ADD COLUMN "NotifyBy" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "staff_users" ADD COLUMN "EmailReminders" INTEGER NOT NULL DEFAULT 1;
CREATE TABLE "outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "TrackingNumber" TEXT NULL,
    "EventSequence" INTEGER NULL,
    "StaffUserId" TEXT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "ClaimedUntilUtc" TEXT NULL,
    "LastError" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "SentAtUtc" TEXT NULL
);
CREATE UNIQUE INDEX "IX_outbox_Key" ON "outbox" ("Key");
CREATE INDEX "IX_outbox_TrackingNumber" ON "outbox" ("TrackingNumber");
CREATE INDEX "IX_outbox_Status_NextAttemptAtUtc" ON "outbox" ("Status", "NextAttemptAtUtc");
