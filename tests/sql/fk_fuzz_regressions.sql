-- Discrepancies found by the randomized foreign-key test (tests/Tenon.Tests/Fuzz), one block each.
-- SET CONSTRAINTS ... IMMEDIATE names a constraint that is not deferrable: allowed (it is always
-- immediate); only DEFERRED is an error. Outside a transaction block: a warning first.
CREATE TABLE p (a int PRIMARY KEY);
CREATE TABLE c (a int CONSTRAINT c_nd REFERENCES p, b int CONSTRAINT c_d REFERENCES p DEFERRABLE);
SET CONSTRAINTS c_nd IMMEDIATE;
SET CONSTRAINTS c_nd DEFERRED;
BEGIN;
SET CONSTRAINTS c_nd, c_d IMMEDIATE;
SET CONSTRAINTS c_d, c_nd DEFERRED;
ROLLBACK;
-- ROLLBACK TO an unknown savepoint in a failed transaction reports the savepoint, not the failure.
BEGIN;
SAVEPOINT s1;
INSERT INTO c VALUES (9, NULL);
ROLLBACK TO SAVEPOINT nosuch;
ROLLBACK TO SAVEPOINT s1;
RELEASE SAVEPOINT s1;
COMMIT;
-- TRUNCATE of a referenced table names the referencing table with the lowest OID, whatever the
-- order the keys were added in; CASCADE reaches the tables level by level, in OID order.
CREATE TABLE t1 (a int PRIMARY KEY, r int);
CREATE TABLE t2 (a int PRIMARY KEY);
CREATE TABLE t3 (a int PRIMARY KEY, r int REFERENCES t1);
ALTER TABLE t2 ADD FOREIGN KEY (a) REFERENCES t1;
ALTER TABLE t1 ADD FOREIGN KEY (r) REFERENCES t3;
CREATE TABLE t4 (a int REFERENCES t2, b int REFERENCES t3);
TRUNCATE t1;
TRUNCATE t3;
TRUNCATE t1, t2;
TRUNCATE t1 CASCADE;
TRUNCATE t2 CASCADE;
-- TRUNCATE refuses a table with deferred constraint checks waiting for COMMIT, even the check of
-- a row whose key is NULL (PostgreSQL queues it anyway).
CREATE TABLE dp (a int PRIMARY KEY);
CREATE TABLE dc (a int REFERENCES dp DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO dc VALUES (NULL);
TRUNCATE dc;
ROLLBACK;
BEGIN;
INSERT INTO dc VALUES (1);
SAVEPOINT a;
TRUNCATE dp;
ROLLBACK TO SAVEPOINT a;
TRUNCATE dp CASCADE;
ROLLBACK;
BEGIN;
INSERT INTO dc VALUES (1);
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK;
BEGIN;
INSERT INTO dp VALUES (1);
INSERT INTO dc VALUES (1);
SET CONSTRAINTS ALL IMMEDIATE;
TRUNCATE dc;
COMMIT;
-- Adding a composite foreign key to rows that break it reports the smallest key (PostgreSQL
-- checks with a merge anti join); a one-column key reports the first row in table order.
CREATE TABLE cp (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE cc (id int PRIMARY KEY, x int, y int);
INSERT INTO cp VALUES (1, 1);
INSERT INTO cc VALUES (1, 3, 2), (2, 2, 3), (3, 1, 1), (4, 5, NULL);
ALTER TABLE cc ADD FOREIGN KEY (x, y) REFERENCES cp;
CREATE TABLE sp (a int PRIMARY KEY);
INSERT INTO sp VALUES (1);
ALTER TABLE cc ADD FOREIGN KEY (x) REFERENCES sp;
ALTER TABLE cc ADD FOREIGN KEY (x, y) REFERENCES cp MATCH FULL;
-- Updating a row written by this transaction checks its key again even when the key is unchanged
-- (PostgreSQL: the row's xmin is the current transaction), so a deferred violation is not lost.
CREATE TABLE up (a int PRIMARY KEY);
CREATE TABLE uc (id int PRIMARY KEY, a int REFERENCES up DEFERRABLE INITIALLY DEFERRED, v int);
BEGIN;
INSERT INTO uc VALUES (1, 7, 0);
UPDATE uc SET v = v + 1 WHERE id = 1;
COMMIT;
SELECT * FROM uc;
INSERT INTO up VALUES (7);
INSERT INTO uc VALUES (1, 7, 0);
BEGIN;
DELETE FROM up;
UPDATE uc SET v = v + 1;
COMMIT;
BEGIN;
INSERT INTO uc VALUES (2, 8, 0);
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK;
SELECT * FROM uc;
