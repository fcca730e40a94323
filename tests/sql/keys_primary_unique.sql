-- Primary keys and UNIQUE constraints: duplicates, NULLs (PRIMARY KEY = UNIQUE + NOT NULL),
-- multiple NULLs in UNIQUE columns, composite keys, table-level syntax, one primary key per table,
-- unique indexes, and what the DETAIL shows for each.
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT);
INSERT INTO t VALUES (1, 'a@x', 'A');
INSERT INTO t VALUES (1, 'b@x', 'B');
INSERT INTO t VALUES (NULL, 'c@x', 'C');
INSERT INTO t VALUES (2, 'a@x', 'A2');
-- UNIQUE allows any number of NULLs
INSERT INTO t VALUES (3, NULL, 'N1'), (4, NULL, 'N2');
-- uniqueness is exact: case and trailing spaces matter for text
INSERT INTO t VALUES (5, 'A@x', 'upper'), (6, 'a@x ', 'space');
SELECT * FROM t ORDER BY id;
-- a duplicate within one multi-row INSERT
INSERT INTO t VALUES (7, 'd@x', 'D'), (8, 'e@x', 'E'), (7, 'f@x', 'F');
-- UPDATE into an existing key
UPDATE t SET id = 1 WHERE id = 3;
UPDATE t SET email = 'a@x' WHERE id = 4;
UPDATE t SET id = NULL WHERE id = 4;
SELECT count(*) FROM t;
-- composite primary key: each column may repeat, the pair may not
CREATE TABLE enrollment (student INTEGER, course TEXT, grade TEXT, PRIMARY KEY (student, course));
INSERT INTO enrollment VALUES (1, 'math', 'A'), (1, 'art', 'B'), (2, 'math', 'C');
INSERT INTO enrollment VALUES (2, 'math', 'D');
INSERT INTO enrollment VALUES (2, NULL, 'D');
SELECT * FROM enrollment ORDER BY student, course;
-- composite UNIQUE: a NULL in any column makes the row distinct
CREATE TABLE slots (room TEXT, day DATE, hour INTEGER, UNIQUE (room, day, hour));
INSERT INTO slots VALUES ('A', '2024-01-01', 9), ('A', '2024-01-01', 10), ('A', NULL, 9), ('A', NULL, 9);
INSERT INTO slots VALUES ('A', '2024-01-01', 9);
SELECT room, day, hour FROM slots ORDER BY room, day NULLS FIRST, hour;
-- UNIQUE NULLS NOT DISTINCT (PostgreSQL 15) treats NULLs as equal
CREATE TABLE codes (code TEXT UNIQUE NULLS NOT DISTINCT);
INSERT INTO codes VALUES ('x'), (NULL);
INSERT INTO codes VALUES (NULL);
-- table-level constraints with explicit names
CREATE TABLE accounts (
  id INTEGER,
  login TEXT,
  tenant INTEGER,
  CONSTRAINT accounts_pk PRIMARY KEY (id),
  CONSTRAINT accounts_login_per_tenant UNIQUE (tenant, login)
);
INSERT INTO accounts VALUES (1, 'root', 1), (2, 'root', 2);
INSERT INTO accounts VALUES (3, 'root', 1);
INSERT INTO accounts VALUES (1, 'x', 3);
-- only one primary key per table
CREATE TABLE two_pks (a INTEGER PRIMARY KEY, b INTEGER PRIMARY KEY);
CREATE TABLE two_pks (a INTEGER PRIMARY KEY, b INTEGER, PRIMARY KEY (b));
-- a key column listed twice
CREATE TABLE dup_cols (a INTEGER, PRIMARY KEY (a, a));
-- a key on a column that does not exist
CREATE TABLE no_col (a INTEGER, PRIMARY KEY (b));
CREATE TABLE no_col (a INTEGER, UNIQUE (b));
-- primary key columns become NOT NULL
CREATE TABLE pk_null (a INTEGER NULL PRIMARY KEY);
CREATE TABLE pk_implied (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
INSERT INTO pk_implied VALUES (1, NULL);
-- PRIMARY KEY and UNIQUE on the same column are two separate indexes
CREATE TABLE both_keys (a INTEGER PRIMARY KEY UNIQUE);
INSERT INTO both_keys VALUES (1), (1);
-- ALTER TABLE ... ADD PRIMARY KEY / UNIQUE over existing duplicates
CREATE TABLE later (a INTEGER, b INTEGER);
INSERT INTO later VALUES (1, 1), (1, 2), (2, NULL);
ALTER TABLE later ADD PRIMARY KEY (a);
ALTER TABLE later ADD PRIMARY KEY (b);
ALTER TABLE later ADD UNIQUE (b);
ALTER TABLE later ADD PRIMARY KEY (a, b);
ALTER TABLE later ADD CONSTRAINT later_pk PRIMARY KEY (a, b);
DELETE FROM later WHERE b IS NULL;
ALTER TABLE later ADD CONSTRAINT later_pk PRIMARY KEY (a, b);
INSERT INTO later VALUES (1, 1);
ALTER TABLE later ADD PRIMARY KEY (b);
-- unique index instead of a constraint: same error, named after the index
CREATE TABLE people (id SERIAL PRIMARY KEY, email TEXT);
CREATE UNIQUE INDEX people_email_uq ON people (email);
INSERT INTO people (email) VALUES ('p@x'), ('q@x');
INSERT INTO people (email) VALUES ('p@x');
-- a unique index over an expression: lower(email)
CREATE UNIQUE INDEX people_email_lower_uq ON people (lower(email));
INSERT INTO people (email) VALUES ('P@X');
-- CREATE UNIQUE INDEX over duplicates
CREATE TABLE dups (v INTEGER);
INSERT INTO dups VALUES (1), (2), (2), (3), (3);
CREATE UNIQUE INDEX dups_v ON dups (v);
SELECT v, count(*) FROM dups GROUP BY v HAVING count(*) > 1 ORDER BY v;
-- long values in the DETAIL are shown in full
CREATE TABLE longkeys (k TEXT PRIMARY KEY);
INSERT INTO longkeys VALUES (repeat('x', 80));
INSERT INTO longkeys VALUES (repeat('x', 80));
-- quoted identifiers appear quoted in a unique DETAIL
CREATE TABLE "Mixed" ("Id" INTEGER PRIMARY KEY, "Full Name" TEXT UNIQUE);
INSERT INTO "Mixed" VALUES (1, 'Ann');
INSERT INTO "Mixed" VALUES (2, 'Ann');
INSERT INTO "Mixed" VALUES (1, 'Bob');
