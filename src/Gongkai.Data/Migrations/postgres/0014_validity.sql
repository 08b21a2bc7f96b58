ALTER TABLE publications ADD "ValidityChangedOn" date;
ALTER TABLE publications ADD "RepealedByNumber" character varying(100);
ALTER TABLE publications ADD "RepealedByUrl" character varying(300);
