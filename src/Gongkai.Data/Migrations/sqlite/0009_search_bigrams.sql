-- PostgreSQL moves to bigram search too (0009 there); nothing changes for SQLite.
SELECT 1;
