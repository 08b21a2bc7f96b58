ALTER TABLE applications ADD "Honorific" integer NOT NULL DEFAULT 0;
ALTER TABLE agencies ADD "AnswerReview" integer NOT NULL DEFAULT 0;
CREATE TABLE answer_drafts (
    "TrackingNumber" character varying(40) NOT NULL,
    "Outcome" integer NOT NULL,
    "Reasons" character varying(4000),
    "DraftedById" character varying(100) NOT NULL,
    "DraftedBy" character varying(100) NOT NULL,
    "DraftedAtUtc" timestamp with time zone NOT NULL,
    "ReviewedById" character varying(100),
    "ReviewedBy" character varying(100),
    "ReviewedAtUtc" timestamp with time zone,
    "SignedById" character varying(100),
    "SignedBy" character varying(100),
    "SignedAtUtc" timestamp with time zone,
    "IssuedAtUtc" timestamp with time zone,
    CONSTRAINT "PK_answer_drafts" PRIMARY KEY ("TrackingNumber")
);
