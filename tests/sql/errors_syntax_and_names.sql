-- Error reporting: syntax errors with LINE/caret output (single- and multi-line statements,
-- at end of input, long lines, an unterminated literal), unknown table/column (42P01/42703) with positions and hints,
-- ambiguous columns (42702), duplicate table (42P07), wrong types (42804), unknown functions
-- (42883), and statements that keep running after an error.
SELECT 1 +;
SELEC 1;
SELECT * FORM users;
CREATE TABLE t (id INTEGER PRIMARY KEY name TEXT);
INSERT INTO t VALUES (1, 'a'));
-- an error on a later line of a multi-line statement
CREATE TABLE t (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  price NUMERIC(10, 2) CHECK (price > 0)
  qty INTEGER
);
SELECT id,
       name,
       FROM t;
-- a reserved word as an identifier, and the same word quoted
CREATE TABLE order (id INTEGER);
CREATE TABLE "order" (id INTEGER PRIMARY KEY, "select" TEXT);
INSERT INTO "order" VALUES (1, 'quoted names work');
SELECT "select" FROM "order";
-- the real table for the name errors below
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price NUMERIC(10, 2));
CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t, name TEXT);
INSERT INTO t VALUES (1, 'one', 1.5), (2, 'two', 2.5);
INSERT INTO u VALUES (10, 1, 'ten');
-- unknown relation
SELECT * FROM no_such_table;
INSERT INTO no_such_table VALUES (1);
UPDATE no_such_table SET x = 1;
DELETE FROM no_such_table;
SELECT *
FROM t
JOIN no_such_table n ON n.id = t.id;
DROP TABLE no_such_table;
DROP TABLE IF EXISTS no_such_table;
-- unknown column
SELECT nme FROM t;
SELECT t.nme FROM t;
SELECT x.name FROM t;
INSERT INTO t (id, nme) VALUES (3, 'x');
UPDATE t SET nme = 'x';
SELECT id FROM t WHERE nme = 'one';
SELECT id FROM t ORDER BY nme;
SELECT "Name" FROM t;
-- ambiguous column in a join
SELECT id, name FROM t JOIN u ON u.t_id = t.id;
SELECT t.id, u.name FROM t JOIN u ON u.t_id = t.id;
-- duplicate table
CREATE TABLE t (id INTEGER);
CREATE TABLE IF NOT EXISTS t (id INTEGER);
-- duplicate column
CREATE TABLE dup (a INTEGER, a TEXT);
-- wrong types
INSERT INTO t VALUES ('three', 'x', 1);
INSERT INTO t VALUES (3, 'x', 'cheap');
INSERT INTO t (id, name, price) VALUES (3, 'x', true);
SELECT id FROM t WHERE name = 1;
SELECT id FROM t WHERE id = 'one';
SELECT id + name FROM t;
UPDATE t SET price = 'free' WHERE id = 1;
-- more values than columns, and the reverse
INSERT INTO t VALUES (3, 'x', 1, 'extra');
INSERT INTO t (id, name) VALUES (3);
INSERT INTO t (id, id) VALUES (3, 4);
-- unknown functions, and wrong argument types
SELECT no_such_function(1);
SELECT length(1, 2);
SELECT sum('abc');
-- aggregates in the wrong place
SELECT id, count(*) FROM t;
SELECT id FROM t WHERE count(*) > 1;
SELECT name FROM u GROUP BY t_id;
-- after all these errors the session is still fine
SELECT id, name, price FROM t ORDER BY id;
-- an error in a long statement shows an excerpt of its line
SELECT id, name, price, price * 2 AS doubled, price * 3 AS tripled, price * 4 AS quadrupled, undefined_column_at_the_end FROM t;
-- an unterminated literal at the end of the file: psql sends what it has at end of input
SELECT 'unterminated;
