-- The full-text index holds published items only, so a search counts and pages its hits in the
-- index itself (newest entry first, by rowid) without visiting unpublished rows. Triggers on one
-- line each: the migrator splits statements at a line-ending semicolon.
DROP TRIGGER "publications_fts_insert";
DROP TRIGGER "publications_fts_delete";
DROP TRIGGER "publications_fts_update";
DROP TABLE "publications_fts";
CREATE VIRTUAL TABLE "publications_fts" USING fts5(title, body, content='publications', content_rowid='Id', tokenize='trigram');
CREATE TRIGGER "publications_fts_insert" AFTER INSERT ON "publications" WHEN new."PublishedOn" IS NOT NULL BEGIN INSERT INTO "publications_fts"(rowid, title, body) VALUES (new."Id", new."Title", new."Body"); END;
CREATE TRIGGER "publications_fts_delete" AFTER DELETE ON "publications" WHEN old."PublishedOn" IS NOT NULL BEGIN INSERT INTO "publications_fts"("publications_fts", rowid, title, body) VALUES ('delete', old."Id", old."Title", old."Body"); END;
CREATE TRIGGER "publications_fts_update" AFTER UPDATE OF "Title", "Body", "PublishedOn" ON "publications" BEGIN INSERT INTO "publications_fts"("publications_fts", rowid, title, body) SELECT 'delete', old."Id", old."Title", old."Body" WHERE old."PublishedOn" IS NOT NULL; INSERT INTO "publications_fts"(rowid, title, body) SELECT new."Id", new."Title", new."Body" WHERE new."PublishedOn" IS NOT NULL; END;
INSERT INTO "publications_fts"(rowid, title, body) SELECT "Id", "Title", "Body" FROM "publications" WHERE "PublishedOn" IS NOT NULL;
