-- When constraints are checked: NOT NULL, CHECK and non-deferrable UNIQUE/PRIMARY KEY per row as
-- rows are written; foreign-key checks and actions at the end of the statement (so a statement
-- may pass through a state that violates them); NO ACTION re-checks whether another row supplies
-- the old key, RESTRICT does not; referential actions are never deferred.
CREATE TABLE p (id int PRIMARY KEY, v int CHECK (v >= 0), w int NOT NULL DEFAULT 0);
CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p);
-- Which error a multi-row statement reports: the per-row ones first, in row order, the foreign key last.
INSERT INTO p VALUES (1, 1, 0);
INSERT INTO c VALUES (10, 99), (11, 1), (11, 1);
INSERT INTO c VALUES (12, 99), (13, 1);
INSERT INTO p VALUES (2, -1, 0), (3, 1, NULL);
INSERT INTO p VALUES (2, 1, NULL), (3, -1, 0);
INSERT INTO p VALUES (2, 1, 0), (2, -1, 0);
-- A self-reference inserted in one statement; a cycle within one row.
CREATE TABLE tree (id int PRIMARY KEY, parent int REFERENCES tree);
INSERT INTO tree VALUES (2, 1), (1, NULL);
INSERT INTO tree VALUES (3, 3);
INSERT INTO tree VALUES (4, 5), (5, 4);
UPDATE tree SET parent = id + 10 WHERE id = 4;
SELECT * FROM tree ORDER BY id;
-- A non-deferrable unique key is checked row by row: shifting a key range collides on the way.
CREATE TABLE s (k int PRIMARY KEY);
INSERT INTO s VALUES (1), (2), (3);
UPDATE s SET k = k + 1;
CREATE TABLE sd (k int UNIQUE DEFERRABLE);
INSERT INTO sd VALUES (1), (2), (3);
UPDATE sd SET k = k + 1;
SELECT * FROM sd ORDER BY k;
-- NO ACTION passes when another row supplies the old key by the end of the statement; RESTRICT does not.
CREATE TABLE pn (id int PRIMARY KEY, code int UNIQUE);
INSERT INTO pn VALUES (2, 2), (1, 1);
CREATE TABLE cn (code int REFERENCES pn (code) ON UPDATE NO ACTION);
CREATE TABLE cr (code int REFERENCES pn (code) ON UPDATE RESTRICT ON DELETE RESTRICT);
INSERT INTO cn VALUES (2);
UPDATE pn SET code = code + 1;
SELECT * FROM pn ORDER BY id;
INSERT INTO cr VALUES (3);
UPDATE pn SET code = code + 1;
DELETE FROM cr;
INSERT INTO cn VALUES (3);
UPDATE pn SET code = code - 1;
DELETE FROM pn WHERE id = 1;
SELECT * FROM pn ORDER BY id;
-- Actions run at the end of the statement, and are never deferred.
CREATE TABLE pa (id int PRIMARY KEY);
CREATE TABLE ca (pid int REFERENCES pa ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                 qid int REFERENCES pa ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
INSERT INTO pa VALUES (1), (2);
INSERT INTO ca VALUES (1, NULL), (NULL, 2);
BEGIN;
DELETE FROM pa WHERE id = 1;
SELECT * FROM ca ORDER BY pid, qid;
DELETE FROM pa WHERE id = 2;
ROLLBACK;
-- A deferred NO ACTION check waits for COMMIT, and a re-inserted key satisfies it.
DELETE FROM ca;
CREATE TABLE cd (pid int REFERENCES pa DEFERRABLE INITIALLY DEFERRED);
INSERT INTO cd VALUES (2);
BEGIN;
DELETE FROM pa WHERE id = 2;
INSERT INTO pa VALUES (2);
COMMIT;
BEGIN;
DELETE FROM pa WHERE id = 2;
SELECT count(*) FROM pa;
COMMIT;
SELECT * FROM pa ORDER BY id;
