-- The closure projection on the application row (Data/Cases/CaseClosure): the annual report groups applications
-- without joining their events. Backfilled here from the events; `gongkai db verify` recomputes and compares.
ALTER TABLE applications ADD "ClosedOn" date;
ALTER TABLE applications ADD "ClosedState" integer;
UPDATE applications SET
  "ClosedOn" = (SELECT e."On" FROM case_events e WHERE e."ApplicationId" = applications."Id" AND e."Kind" IN ('decided', 'withdrawn') ORDER BY e."Sequence" DESC LIMIT 1),
  "ClosedState" = (SELECT CASE WHEN e."Kind" = 'withdrawn' THEN 100 ELSE e."Outcome" + 1 END FROM case_events e WHERE e."ApplicationId" = applications."Id" AND e."Kind" IN ('decided', 'withdrawn') ORDER BY e."Sequence" DESC LIMIT 1);
DROP INDEX "IX_applications_report";
CREATE INDEX "IX_applications_report" ON applications ("AgencyId", "ClosedOn", "ReceivedOn", "ClosedState", "ApplicantType");
