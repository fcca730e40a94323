-- ADD CONSTRAINT … NOT VALID (FOREIGN KEY and CHECK) leaves existing rows unchecked while new and
-- changed rows are checked; VALIDATE CONSTRAINT checks them later (convalidated in pg_constraint);
-- NOT VALID means nothing in CREATE TABLE; the errors for other kinds and unknown names.
CREATE TABLE pk (a int PRIMARY KEY);
INSERT INTO pk VALUES (1), (2);
CREATE TABLE fk (x int, y int);
INSERT INTO fk VALUES (1, 5), (3, -1), (4, -2);
ALTER TABLE fk ADD CONSTRAINT fx FOREIGN KEY (x) REFERENCES pk NOT VALID;
ALTER TABLE fk ADD CONSTRAINT cy CHECK (y > 0) NOT VALID;
SELECT conname, contype, convalidated FROM pg_constraint WHERE conrelid = 'fk'::regclass ORDER BY 1;
-- New and updated rows are checked; an update leaving the key alone is not.
INSERT INTO fk VALUES (9, 1);
INSERT INTO fk VALUES (1, 0);
UPDATE fk SET y = y WHERE x = 3;
UPDATE fk SET x = x WHERE x = 3;
UPDATE fk SET x = 1 WHERE x = 3;
UPDATE fk SET y = 1 WHERE x = 3;
-- Deleting from the referenced table is checked against every row.
DELETE FROM pk WHERE a = 1;
-- VALIDATE reports the first offending row, as ADD CONSTRAINT would have.
ALTER TABLE fk VALIDATE CONSTRAINT fx;
ALTER TABLE fk VALIDATE CONSTRAINT cy;
ALTER TABLE fk VALIDATE CONSTRAINT nope;
DELETE FROM fk WHERE x = 4;
ALTER TABLE fk VALIDATE CONSTRAINT fx;
ALTER TABLE fk VALIDATE CONSTRAINT cy;
UPDATE fk SET y = 7;
ALTER TABLE fk VALIDATE CONSTRAINT cy;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fk'::regclass ORDER BY 1;
-- Validating a valid constraint again does nothing.
ALTER TABLE fk VALIDATE CONSTRAINT cy;
-- Several actions in one statement.
ALTER TABLE fk ADD CONSTRAINT cw CHECK (y < 0) NOT VALID, VALIDATE CONSTRAINT cw;
ALTER TABLE fk ADD CONSTRAINT fx3 FOREIGN KEY (x) REFERENCES pk NOT VALID, VALIDATE CONSTRAINT fx3;
ALTER TABLE fk ADD CONSTRAINT cw CHECK (y < 0) NOT VALID;
ALTER TABLE fk VALIDATE CONSTRAINT cw, VALIDATE CONSTRAINT cw;
ALTER TABLE ONLY fk VALIDATE CONSTRAINT fx;
SELECT conname, convalidated, connoinherit FROM pg_constraint WHERE conrelid = 'fk'::regclass ORDER BY 1;
-- Keys cannot be NOT VALID, nor validated.
ALTER TABLE pk ADD CONSTRAINT u UNIQUE (a) NOT VALID;
ALTER TABLE pk ADD PRIMARY KEY (a) NOT VALID;
ALTER TABLE pk VALIDATE CONSTRAINT pk_pkey;
ALTER TABLE nope VALIDATE CONSTRAINT fx;
-- In CREATE TABLE the constraint is valid (there are no rows); a column constraint cannot say NOT VALID.
CREATE TABLE t3 (a int, CHECK (a > 0) NOT VALID, b int, FOREIGN KEY (b) REFERENCES pk NOT VALID);
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 't3'::regclass ORDER BY 1;
CREATE TABLE t4 (a int CHECK (a > 0) NOT VALID);
CREATE TABLE t4 (a int REFERENCES pk NOT VALID);
-- A deferrable NOT VALID foreign key: VALIDATE is refused while its checks are pending.
CREATE TABLE dfk (x int);
ALTER TABLE dfk ADD CONSTRAINT dfx FOREIGN KEY (x) REFERENCES pk NOT VALID DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO dfk VALUES (42);
ALTER TABLE dfk VALIDATE CONSTRAINT dfx;
ROLLBACK;
ALTER TABLE dfk VALIDATE CONSTRAINT dfx;
SELECT conname, condeferrable, condeferred, convalidated FROM pg_constraint WHERE conname = 'dfx';
