-- Foreign keys in their other forms: key columns of different but compatible types and the 42804
-- for incompatible ones, 42830 when no unique key matches, MATCH PARTIAL, cycles between two
-- tables, cascades that re-enter the same table and fan out, SET DEFAULT re-checking the default.
CREATE TABLE pint (a int PRIMARY KEY, b bigint UNIQUE, t text UNIQUE, v varchar(5) UNIQUE, n numeric UNIQUE, d date UNIQUE);
INSERT INTO pint VALUES (1, 1, 'x', 'x', 1.5, '2020-01-01');
CREATE TABLE f1 (a bigint REFERENCES pint, b int REFERENCES pint (b), t varchar(3) REFERENCES pint (t), v text REFERENCES pint (v),
                 n int REFERENCES pint (n), d timestamp REFERENCES pint (d));
INSERT INTO f1 VALUES (1, 1, 'x', 'x', NULL, '2020-01-01 00:00');
INSERT INTO f1 VALUES (4294967297, NULL, NULL, NULL, NULL, NULL);
INSERT INTO f1 VALUES (NULL, NULL, NULL, 'x  ', NULL, NULL);
CREATE TABLE f2 (a text REFERENCES pint);
CREATE TABLE f2 (n numeric REFERENCES pint (a));
CREATE TABLE f2 (d date REFERENCES pint (t));
CREATE TABLE f2 (x int, y text, FOREIGN KEY (x, y) REFERENCES pint (a, n));
CREATE TABLE f2 (a int REFERENCES pint (a, b));
CREATE TABLE f2 (a int, b int, FOREIGN KEY (a, b) REFERENCES pint (a));
CREATE TABLE f2 (a int REFERENCES pint (n, b));
CREATE TABLE f2 (a int, b int, FOREIGN KEY (a, b) REFERENCES pint (a, b));
CREATE TABLE f2 (a int REFERENCES pint MATCH PARTIAL);
CREATE TABLE f2 (a int REFERENCES pint (nope));
CREATE TABLE f2 (a int, FOREIGN KEY (nope) REFERENCES pint);
CREATE TABLE f2 (a int REFERENCES nope);
CREATE TABLE nokey (a int);
CREATE TABLE f2 (a int REFERENCES nokey);
-- A cycle of two tables, made with ALTER TABLE; deferred so that both rows can go in.
CREATE TABLE dept (id int PRIMARY KEY, head int);
CREATE TABLE emp (id int PRIMARY KEY, dept int NOT NULL REFERENCES dept DEFERRABLE INITIALLY DEFERRED);
ALTER TABLE dept ADD FOREIGN KEY (head) REFERENCES emp DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO dept VALUES (1, 10);
INSERT INTO emp VALUES (10, 1);
COMMIT;
BEGIN;
INSERT INTO dept VALUES (2, 20);
COMMIT;
DELETE FROM emp;
SELECT * FROM dept;
-- Cascades re-entering the same table: a tree deleted from its root, keys renumbered from the top.
CREATE TABLE node (id int PRIMARY KEY, parent int REFERENCES node ON DELETE CASCADE ON UPDATE CASCADE);
INSERT INTO node VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 4), (6, 3);
UPDATE node SET id = 100 WHERE id = 1;
SELECT * FROM node ORDER BY id;
DELETE FROM node WHERE id = 2;
SELECT * FROM node ORDER BY id;
DELETE FROM node WHERE id = 100;
SELECT count(*) FROM node;
-- Fan-out: one delete cascading into three tables, one of which refuses.
CREATE TABLE hub (id int PRIMARY KEY);
CREATE TABLE s1 (h int REFERENCES hub ON DELETE CASCADE);
CREATE TABLE s2 (h int REFERENCES hub ON DELETE SET NULL);
CREATE TABLE s3 (h int REFERENCES hub);
INSERT INTO hub VALUES (1), (2);
INSERT INTO s1 VALUES (1), (2);
INSERT INTO s2 VALUES (1), (2);
INSERT INTO s3 VALUES (2);
DELETE FROM hub WHERE id = 2;
DELETE FROM hub WHERE id = 1;
SELECT (SELECT count(*) FROM s1) AS s1, (SELECT count(*) FROM s2 WHERE h IS NULL) AS s2_null, (SELECT count(*) FROM hub) AS hub;
-- SET DEFAULT re-checks the default: missing, or the row being deleted.
CREATE TABLE dp (id int PRIMARY KEY);
CREATE TABLE dc (p int DEFAULT 0 REFERENCES dp ON DELETE SET DEFAULT ON UPDATE SET DEFAULT);
INSERT INTO dp VALUES (0), (1), (2);
INSERT INTO dc VALUES (1), (2);
DELETE FROM dp WHERE id = 1;
UPDATE dp SET id = 3 WHERE id = 2;
SELECT * FROM dc ORDER BY p;
DELETE FROM dp WHERE id = 0;
ALTER TABLE dc ALTER COLUMN p SET DEFAULT 9;
INSERT INTO dp VALUES (5);
INSERT INTO dc VALUES (5);
DELETE FROM dp WHERE id = 5;
SELECT * FROM dc ORDER BY p;
