-- Deletes refused by RESTRICT or NO ACTION: a single-row DELETE is refused before it writes
-- anything when the first foreign key its row would check refuses; these pin that it is the same
-- refusal (or none) that the statement's end would give.
CREATE TABLE p (id integer PRIMARY KEY, a integer, b integer, UNIQUE (a, b));
CREATE TABLE c_restrict (id integer PRIMARY KEY, pid integer REFERENCES p ON DELETE RESTRICT);
CREATE TABLE c_noaction (id integer PRIMARY KEY, pa integer, pb integer, FOREIGN KEY (pa, pb) REFERENCES p (a, b));
CREATE TABLE c_cascade (id integer PRIMARY KEY, pid integer REFERENCES p ON DELETE CASCADE);
INSERT INTO p SELECT i, i % 4, i FROM generate_series(1, 12) i;
UPDATE p SET a = NULL WHERE id = 7;
INSERT INTO c_restrict VALUES (1, 2), (2, 3);
INSERT INTO c_noaction VALUES (1, 1, 5), (2, 2, 6), (3, 0, 8);
INSERT INTO c_cascade VALUES (1, 5), (2, 9);
DELETE FROM p WHERE id = 2;
DELETE FROM p WHERE id = 5;
DELETE FROM p WHERE id = 6;
DELETE FROM p WHERE id = 9;
DELETE FROM p WHERE id = 7;
DELETE FROM p WHERE a = 3 AND b = 3;
DELETE FROM p WHERE id IN (3, 6);
SELECT id FROM p ORDER BY id;
SELECT * FROM c_cascade ORDER BY id;
-- Deferrable NO ACTION: refused now when immediate, at COMMIT when deferred.
CREATE TABLE c_deferrable (id integer PRIMARY KEY, pid integer REFERENCES p DEFERRABLE);
INSERT INTO c_deferrable VALUES (1, 10);
DELETE FROM p WHERE id = 10;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
DELETE FROM p WHERE id = 10;
SELECT count(*) FROM p WHERE id = 10;
COMMIT;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
DELETE FROM p WHERE id = 10;
DELETE FROM c_deferrable;
COMMIT;
SELECT count(*) FROM p WHERE id = 10;
-- A row that references itself under RESTRICT is its own only child: deleting it is fine.
CREATE TABLE node (id integer PRIMARY KEY, parent integer REFERENCES node ON DELETE RESTRICT);
INSERT INTO node VALUES (1, 1), (2, 1), (3, 3);
DELETE FROM node WHERE id = 3;
DELETE FROM node WHERE id = 1;
DELETE FROM node WHERE id = 2;
DELETE FROM node WHERE id = 1;
SELECT * FROM node;
-- With RETURNING, in a savepoint, and as a prepared statement.
DELETE FROM p WHERE id = 4 RETURNING id;
INSERT INTO c_restrict VALUES (3, 11);
DELETE FROM p WHERE id = 11 RETURNING id;
DELETE FROM p WHERE id = 8;
DELETE FROM c_noaction WHERE id = 3;
DELETE FROM p WHERE id = 8;
BEGIN;
SAVEPOINT s;
DELETE FROM p WHERE id = 11;
ROLLBACK TO SAVEPOINT s;
DELETE FROM p WHERE id = 12;
PREPARE d(integer) AS DELETE FROM p WHERE id = $1;
EXECUTE d(11);
ROLLBACK;
SELECT id FROM p ORDER BY id;
