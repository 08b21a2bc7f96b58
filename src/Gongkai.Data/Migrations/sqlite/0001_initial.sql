CREATE TABLE "agencies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_agencies" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "CreditCode" TEXT NULL,
    "Address" TEXT NULL,
    "OfficeHours" TEXT NULL,
    "Phone" TEXT NULL,
    "Fax" TEXT NULL,
    "OnlineChannel" TEXT NULL
);


CREATE TABLE "appeals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_appeals" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" TEXT NOT NULL,
    "ApplicationTrackingNumber" TEXT NULL,
    "Kind" INTEGER NOT NULL,
    "FiledOn" TEXT NOT NULL,
    "Result" INTEGER NULL,
    "DecidedOn" TEXT NULL
);


CREATE TABLE "applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_applications" PRIMARY KEY AUTOINCREMENT,
    "TrackingNumber" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "ApplicantType" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "IdNumber" TEXT NULL,
    "CreditCode" TEXT NULL,
    "Phone" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Address" TEXT NULL,
    "Description" TEXT NOT NULL,
    "FormWanted" TEXT NULL
);


CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "AtUtc" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Entity" TEXT NOT NULL,
    "EntityKey" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);


CREATE TABLE "normative_documents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_normative_documents" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "RepealedOn" TEXT NULL
);


CREATE TABLE "proactive_years" (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Licensing" INTEGER NOT NULL,
    "Penalties" INTEGER NOT NULL,
    "Enforcement" INTEGER NOT NULL,
    "FeesAmount" TEXT NOT NULL,
    CONSTRAINT "PK_proactive_years" PRIMARY KEY ("AgencyId", "Year")
);


CREATE TABLE "case_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_events" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Outcome" INTEGER NULL,
    "Party" INTEGER NULL,
    "Workdays" INTEGER NULL,
    "ApprovedBy" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_case_events_applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "applications" ("Id") ON DELETE RESTRICT
);


CREATE INDEX "IX_agencies_ParentId" ON "agencies" ("ParentId");


CREATE INDEX "IX_appeals_AgencyId_FiledOn" ON "appeals" ("AgencyId", "FiledOn");


CREATE INDEX "IX_applications_AgencyId_ReceivedOn" ON "applications" ("AgencyId", "ReceivedOn");


CREATE UNIQUE INDEX "IX_applications_TrackingNumber" ON "applications" ("TrackingNumber");


CREATE UNIQUE INDEX "IX_case_events_ApplicationId_Sequence" ON "case_events" ("ApplicationId", "Sequence");


CREATE INDEX "IX_case_events_Kind_On" ON "case_events" ("Kind", "On");


CREATE INDEX "IX_normative_documents_AgencyId" ON "normative_documents" ("AgencyId");


