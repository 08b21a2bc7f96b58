ALTER TABLE "case_events" ADD COLUMN "Note" TEXT NULL;
CREATE TABLE "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);
CREATE TABLE "publications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_publications" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" TEXT NOT NULL,
    "IndexNumber" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Category" INTEGER NOT NULL,
    "Area" TEXT NULL,
    "DocumentNumber" TEXT NULL,
    "Subject" TEXT NULL,
    "WrittenOn" TEXT NOT NULL,
    "PublishedOn" TEXT NULL,
    "Validity" TEXT NOT NULL
);
CREATE TABLE "report_drafts" (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Overview" TEXT NULL,
    "Problems" TEXT NULL,
    "Other" TEXT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "PK_report_drafts" PRIMARY KEY ("AgencyId", "Year")
);
CREATE TABLE "staff_roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_staff_roles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE TABLE "staff_users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_staff_users" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);
CREATE TABLE "publication_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_publication_attachments" PRIMARY KEY AUTOINCREMENT,
    "PublicationId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_publication_attachments_publications_PublicationId" FOREIGN KEY ("PublicationId") REFERENCES "publications" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "publication_steps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_publication_steps" PRIMARY KEY AUTOINCREMENT,
    "PublicationId" INTEGER NOT NULL,
    "Step" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_publication_steps_publications_PublicationId" FOREIGN KEY ("PublicationId") REFERENCES "publications" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "staff_role_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_staff_role_claims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_staff_role_claims_staff_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "staff_roles" ("Id") ON DELETE CASCADE
);
CREATE TABLE "staff_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_staff_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_staff_user_claims_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
);
CREATE TABLE "staff_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_staff_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_staff_user_logins_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
);
CREATE TABLE "staff_user_roles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_staff_user_roles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_staff_user_roles_staff_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "staff_roles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_staff_user_roles_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
);
CREATE TABLE "staff_user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_staff_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_staff_user_tokens_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_publication_attachments_PublicationId" ON "publication_attachments" ("PublicationId");
CREATE UNIQUE INDEX "IX_publication_steps_PublicationId_Step" ON "publication_steps" ("PublicationId", "Step");
CREATE INDEX "IX_publications_AgencyId_WrittenOn" ON "publications" ("AgencyId", "WrittenOn");
CREATE UNIQUE INDEX "IX_publications_IndexNumber" ON "publications" ("IndexNumber");
CREATE INDEX "IX_publications_PublishedOn_Category" ON "publications" ("PublishedOn", "Category");
CREATE INDEX "IX_staff_role_claims_RoleId" ON "staff_role_claims" ("RoleId");
CREATE UNIQUE INDEX "RoleNameIndex" ON "staff_roles" ("NormalizedName");
CREATE INDEX "IX_staff_user_claims_UserId" ON "staff_user_claims" ("UserId");
CREATE INDEX "IX_staff_user_logins_UserId" ON "staff_user_logins" ("UserId");
CREATE INDEX "IX_staff_user_roles_RoleId" ON "staff_user_roles" ("RoleId");
CREATE INDEX "EmailIndex" ON "staff_users" ("NormalizedEmail");
CREATE INDEX "IX_staff_users_AgencyId" ON "staff_users" ("AgencyId");
CREATE UNIQUE INDEX "UserNameIndex" ON "staff_users" ("NormalizedUserName");
-- Chinese full-text search over published items by character bigrams (Publishing/SearchGrams), so a
-- 2-character term such as 低保 is one indexed word. gk_bigrams() is registered on every connection
-- by GongkaiDatabase.Open. Contentless: the text stays in publications. Triggers are one line each
-- (the migrator splits statements at a line-ending semicolon).
CREATE VIRTUAL TABLE "publications_grams" USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61');
CREATE TRIGGER "publications_grams_insert" AFTER INSERT ON "publications" WHEN new."PublishedOn" IS NOT NULL BEGIN INSERT INTO "publications_grams"(rowid, grams) VALUES (new."Id", gk_bigrams(new."Title" || ' ' || new."Body")); END;
CREATE TRIGGER "publications_grams_delete" AFTER DELETE ON "publications" BEGIN DELETE FROM "publications_grams" WHERE rowid = old."Id"; END;
CREATE TRIGGER "publications_grams_update" AFTER UPDATE OF "Title", "Body", "PublishedOn" ON "publications" BEGIN DELETE FROM "publications_grams" WHERE rowid = old."Id"; INSERT INTO "publications_grams"(rowid, grams) SELECT new."Id", gk_bigrams(new."Title" || ' ' || new."Body") WHERE new."PublishedOn" IS NOT NULL; END;
