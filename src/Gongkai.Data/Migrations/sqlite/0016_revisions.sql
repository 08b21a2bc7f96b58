ALTER TABLE "publications" ADD COLUMN "RevisedOn" TEXT NULL;
CREATE TABLE "publication_revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_publication_revisions" PRIMARY KEY AUTOINCREMENT,
    "PublicationId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "DocumentNumber" TEXT NULL,
    "Subject" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "DraftedAtUtc" TEXT NOT NULL,
    "PublishedOn" TEXT NULL,
    "ReplacedTitle" TEXT NULL,
    "ReplacedBody" TEXT NULL,
    "ReplacedDocumentNumber" TEXT NULL,
    "ReplacedSubject" TEXT NULL,
    CONSTRAINT "FK_publication_revisions_publications_PublicationId" FOREIGN KEY ("PublicationId") REFERENCES "publications" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_publication_revisions_PublicationId_Number" ON "publication_revisions" ("PublicationId", "Number");
CREATE TABLE "publication_revision_steps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_publication_revision_steps" PRIMARY KEY AUTOINCREMENT,
    "RevisionId" INTEGER NOT NULL,
    "Step" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_publication_revision_steps_publication_revisions_RevisionId" FOREIGN KEY ("RevisionId") REFERENCES "publication_revisions" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_publication_revision_steps_RevisionId_Step" ON "publication_revision_steps" ("RevisionId", "Step");
