ALTER TABLE "applications" ADD COLUMN "Honorific" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "agencies" ADD COLUMN "AnswerReview" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "answer_drafts" (
    "TrackingNumber" TEXT NOT NULL CONSTRAINT "PK_answer_drafts" PRIMARY KEY,
    "Outcome" INTEGER NOT NULL,
    "Reasons" TEXT NULL,
    "DraftedById" TEXT NOT NULL,
    "DraftedBy" TEXT NOT NULL,
    "DraftedAtUtc" TEXT NOT NULL,
    "ReviewedById" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewedAtUtc" TEXT NULL,
    "SignedById" TEXT NULL,
    "SignedBy" TEXT NULL,
    "SignedAtUtc" TEXT NULL,
    "IssuedAtUtc" TEXT NULL
);
