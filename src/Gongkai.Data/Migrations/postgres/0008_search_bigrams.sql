-- SQLite now searches by character bigrams (0008 there); PostgreSQL keeps its trigram indexes.
SELECT 1;
