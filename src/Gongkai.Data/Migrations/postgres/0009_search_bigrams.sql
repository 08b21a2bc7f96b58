-- Search by character bigrams, as SQLite does since 0008 (Publishing/SearchGrams; this function
-- must give the same words): a stored tsvector of each item's bigrams with a GIN index of the
-- published ones. A term is searched as the phrase of its bigrams (phraseto_tsquery).
CREATE FUNCTION gk_bigrams(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(string_agg(substr(w.word, i, 2), ' ' ORDER BY w.n, i), '') FROM regexp_split_to_table(lower(t), '[^[:alnum:]]+') WITH ORDINALITY AS w(word, n) CROSS JOIN LATERAL generate_series(1, length(w.word) - 1) AS i $$;
ALTER TABLE "publications" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, gk_bigrams("Title" || ' ' || "Body"))) STORED;
CREATE INDEX "IX_publications_search" ON "publications" USING gin ("SearchVector") WHERE "PublishedOn" IS NOT NULL;
DROP INDEX "IX_publications_title_trgm";
DROP INDEX "IX_publications_body_trgm";
