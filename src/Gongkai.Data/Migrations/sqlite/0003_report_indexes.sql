DROP INDEX IF EXISTS "IX_applications_AgencyId_ReceivedOn";
CREATE INDEX "IX_applications_report" ON "applications" ("AgencyId", "ReceivedOn", "ApplicantType");
CREATE INDEX "IX_case_events_closure" ON "case_events" ("ApplicationId", "Kind", "On", "Outcome");
