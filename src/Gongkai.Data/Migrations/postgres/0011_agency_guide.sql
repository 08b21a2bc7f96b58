ALTER TABLE agencies ADD "AcceptingOffice" character varying(200);
ALTER TABLE agencies ADD "Email" character varying(200);
ALTER TABLE agencies ADD "PostalCode" character varying(6);
ALTER TABLE agencies ADD "Website" character varying(300);
ALTER TABLE agencies ADD "Channels" character varying(200);
