-- The closure lookup of the report becomes one probe of a partial covering index (see RecordsReport).
DROP INDEX "IX_case_events_closure";
CREATE INDEX "IX_case_events_closures" ON "case_events" ("ApplicationId", "On", "Kind", "Outcome") WHERE "Kind" IN ('decided', 'withdrawn');
