-- A deferred foreign key check survives an UPDATE that leaves the key alone when the row was
-- written by the same transaction (also across savepoints); a row from an earlier transaction is
-- not checked again.
CREATE TEMP TABLE pktable (id int PRIMARY KEY, other int);
CREATE TEMP TABLE fktable (id int PRIMARY KEY, fk int REFERENCES pktable DEFERRABLE INITIALLY DEFERRED);
INSERT INTO pktable VALUES (5, 10);
BEGIN;
INSERT INTO fktable VALUES (0, 20);
UPDATE fktable SET id = id + 1;
COMMIT;
BEGIN;
INSERT INTO fktable VALUES (0, 20);
SAVEPOINT savept1;
UPDATE fktable SET id = id + 1;
COMMIT;
BEGIN;
SAVEPOINT savept1;
INSERT INTO fktable VALUES (0, 20);
RELEASE SAVEPOINT savept1;
UPDATE fktable SET id = id + 1;
COMMIT;
BEGIN;
INSERT INTO fktable VALUES (0, 5);
UPDATE fktable SET id = id + 1;
UPDATE fktable SET id = id + 1;
COMMIT;
SELECT * FROM fktable;
-- a row committed earlier whose parent went away under a deferred check is not rechecked by an update that keeps its key
BEGIN;
INSERT INTO pktable VALUES (6, 0);
INSERT INTO fktable VALUES (10, 6);
COMMIT;
BEGIN;
UPDATE fktable SET id = 11 WHERE id = 10;
COMMIT;
SELECT * FROM fktable ORDER BY id;
-- not deferred: the same insert fails at once
CREATE TEMP TABLE fkimm (id int PRIMARY KEY, fk int REFERENCES pktable);
BEGIN;
INSERT INTO fkimm VALUES (0, 20);
ROLLBACK;
BEGIN;
INSERT INTO fkimm VALUES (0, 5);
UPDATE fkimm SET id = 1;
DELETE FROM pktable WHERE id = 5;
ROLLBACK;
DROP TABLE fkimm, fktable, pktable;
-- a self-referencing row updated twice in one transaction: the cascade of the second update
-- replaces the row before its own check runs (actions fire before checks)
CREATE TABLE selfref (a int PRIMARY KEY, b int, FOREIGN KEY (b) REFERENCES selfref (a) ON UPDATE CASCADE ON DELETE CASCADE);
INSERT INTO selfref (a, b) VALUES (0, 0), (1, 1);
BEGIN;
UPDATE selfref SET a = 123 WHERE a = 0;
SELECT a, b FROM selfref;
UPDATE selfref SET a = 456 WHERE a = 123;
SELECT a, b FROM selfref;
COMMIT;
DROP TABLE selfref;
