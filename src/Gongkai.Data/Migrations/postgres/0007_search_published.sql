-- SQLite's full-text index now holds published items only (0007 there); PostgreSQL's trigram indexes need no change.
SELECT 1;
