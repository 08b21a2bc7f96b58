-- Search by character bigrams (Publishing/SearchGrams): a 2-character Chinese term such as 低保 is
-- one indexed word, which the trigram index of 0007 could not serve. gk_bigrams() is registered on
-- every connection by GongkaiDatabase.Open. Contentless: the text stays in publications.
DROP TRIGGER "publications_fts_insert";
DROP TRIGGER "publications_fts_delete";
DROP TRIGGER "publications_fts_update";
DROP TABLE "publications_fts";
CREATE VIRTUAL TABLE "publications_grams" USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61');
CREATE TRIGGER "publications_grams_insert" AFTER INSERT ON "publications" WHEN new."PublishedOn" IS NOT NULL BEGIN INSERT INTO "publications_grams"(rowid, grams) VALUES (new."Id", gk_bigrams(new."Title" || ' ' || new."Body")); END;
CREATE TRIGGER "publications_grams_delete" AFTER DELETE ON "publications" BEGIN DELETE FROM "publications_grams" WHERE rowid = old."Id"; END;
CREATE TRIGGER "publications_grams_update" AFTER UPDATE OF "Title", "Body", "PublishedOn" ON "publications" BEGIN DELETE FROM "publications_grams" WHERE rowid = old."Id"; INSERT INTO "publications_grams"(rowid, grams) SELECT new."Id", gk_bigrams(new."Title" || ' ' || new."Body") WHERE new."PublishedOn" IS NOT NULL; END;
INSERT INTO "publications_grams"(rowid, grams) SELECT "Id", gk_bigrams("Title" || ' ' || "Body") FROM "publications" WHERE "PublishedOn" IS NOT NULL;
