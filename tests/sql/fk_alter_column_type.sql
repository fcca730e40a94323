-- ALTER COLUMN … [SET DATA] TYPE … [USING …] where keys depend on the column: rows rewritten,
-- unique indexes rebuilt, CHECK and NOT NULL re-checked, foreign keys re-planned in both
-- directions (42804) and re-validated; every failure leaves the table as it was.
CREATE TABLE pk (a int PRIMARY KEY, b text UNIQUE);
CREATE TABLE fk (x int REFERENCES pk, y text REFERENCES pk (b), z numeric CHECK (z > 0) DEFAULT 1.5);
INSERT INTO pk VALUES (1, '1'), (2, '2');
INSERT INTO fk VALUES (1, '1', 2.5), (2, '2', 3.4);
-- Conversions that need USING, and key types that no longer compare.
ALTER TABLE fk ALTER COLUMN y TYPE int;
ALTER TABLE fk ALTER COLUMN y TYPE int USING y::int;
ALTER TABLE pk ALTER COLUMN a TYPE text;
ALTER TABLE fk ALTER COLUMN x TYPE text;
ALTER TABLE fk ALTER COLUMN x SET DATA TYPE numeric;
-- Compatible types on either side.
ALTER TABLE fk ALTER COLUMN x TYPE bigint;
ALTER TABLE pk ALTER COLUMN a TYPE bigint;
ALTER TABLE pk ALTER COLUMN a TYPE smallint;
ALTER TABLE fk ALTER COLUMN x TYPE int;
ALTER TABLE pk ALTER COLUMN b TYPE varchar(5);
ALTER TABLE fk ALTER COLUMN y TYPE varchar(20);
SELECT table_name, column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name IN ('pk', 'fk') ORDER BY table_name DESC, ordinal_position;
-- The keys still work after the change.
INSERT INTO fk VALUES (3, '1', 1);
INSERT INTO fk VALUES (1, '3', 1);
UPDATE pk SET a = 5 WHERE a = 2;
DELETE FROM pk WHERE b = '1';
-- USING that changes key values: the foreign keys are validated again.
ALTER TABLE pk ALTER COLUMN a TYPE int USING a + 1;
ALTER TABLE fk ALTER COLUMN x TYPE bigint USING x + 5;
ALTER TABLE fk ALTER COLUMN y TYPE text USING y || 'z';
ALTER TABLE pk ALTER COLUMN b TYPE text USING upper(b);
SELECT * FROM pk ORDER BY a;
SELECT * FROM fk ORDER BY x, y;
-- A value that does not convert, NULL into NOT NULL, CHECK, duplicates after the conversion.
ALTER TABLE fk ALTER COLUMN z TYPE int;
SELECT * FROM fk ORDER BY x, y;
ALTER TABLE fk ALTER COLUMN z TYPE int USING z - 3;
ALTER TABLE fk ALTER COLUMN y TYPE int USING 'abc';
ALTER TABLE fk ALTER COLUMN y TYPE int USING y;
ALTER TABLE fk ALTER COLUMN z TYPE int USING z::text;
CREATE TABLE u (a numeric UNIQUE, b text NOT NULL, c int DEFAULT 5);
INSERT INTO u VALUES (1.1, 'x'), (1.2, 'y');
ALTER TABLE u ALTER COLUMN a TYPE int;
ALTER TABLE u ALTER COLUMN b TYPE int USING NULL;
ALTER TABLE u ALTER COLUMN b TYPE int USING 'z';
ALTER TABLE u ALTER COLUMN b TYPE varchar(1);
ALTER TABLE u ALTER COLUMN b TYPE varchar(0);
ALTER TABLE u ALTER COLUMN c TYPE date;
ALTER TABLE u ALTER COLUMN c TYPE text;
INSERT INTO u (a, b) VALUES (5, 'z');
SELECT a, b, c, pg_typeof(c) FROM u ORDER BY a;
ALTER TABLE u ALTER COLUMN q TYPE int;
ALTER TABLE u ALTER COLUMN b TYPE nosuchtype;
-- Composite keys, and the errors name the pair of columns that no longer compare.
CREATE TABLE pk3 (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE fk3 (x int, y int, FOREIGN KEY (x, y) REFERENCES pk3);
INSERT INTO pk3 VALUES (1, 1);
INSERT INTO fk3 VALUES (1, 1);
ALTER TABLE fk3 ALTER COLUMN y TYPE bigint USING y * 2;
ALTER TABLE fk3 ALTER COLUMN y TYPE text;
ALTER TABLE pk3 ALTER COLUMN b TYPE text;
ALTER TABLE pk3 ALTER COLUMN b TYPE bigint, ALTER COLUMN a TYPE bigint;
ALTER TABLE fk3 ALTER COLUMN x TYPE smallint, ALTER COLUMN y TYPE smallint;
SELECT * FROM fk3;
-- Expression and partial indexes are rebuilt with the new type.
CREATE TABLE e (a int, b int);
CREATE INDEX ON e ((a + 1));
CREATE UNIQUE INDEX e_b ON e (b) WHERE a > 0;
INSERT INTO e VALUES (1, 1), (-1, 1);
ALTER TABLE e ALTER COLUMN a TYPE text;
ALTER TABLE e ALTER COLUMN a TYPE numeric;
ALTER TABLE e ALTER COLUMN a TYPE int USING a * -1;
ALTER TABLE e ALTER COLUMN a TYPE int USING abs(a);
INSERT INTO e VALUES (2, 1);
-- Identity columns keep an integer type, and their sequence follows.
CREATE TABLE g (i int GENERATED ALWAYS AS IDENTITY, s serial);
ALTER TABLE g ALTER COLUMN i TYPE text;
ALTER TABLE g ALTER COLUMN i TYPE bigint;
ALTER TABLE g ALTER COLUMN s TYPE bigint;
INSERT INTO g DEFAULT VALUES;
SELECT i, s, pg_typeof(i), pg_typeof(s) FROM g;
-- Inside a transaction block, and with deferred events pending.
CREATE TABLE dpk (a int PRIMARY KEY);
CREATE TABLE dfk (a int REFERENCES dpk DEFERRABLE INITIALLY DEFERRED);
BEGIN;
ALTER TABLE dpk ALTER COLUMN a TYPE bigint;
INSERT INTO dfk VALUES (9);
ALTER TABLE dfk ALTER COLUMN a TYPE bigint;
ROLLBACK;
SELECT data_type FROM information_schema.columns WHERE table_name = 'dpk';
-- Several TYPE changes in one statement are made together: both sides of a self-reference at once,
-- each USING reading the row as it was; a column cannot change twice.
CREATE TABLE t (id int PRIMARY KEY, parent int REFERENCES t);
INSERT INTO t VALUES (1, NULL), (2, 1);
ALTER TABLE t ALTER COLUMN id TYPE text;
ALTER TABLE t ALTER COLUMN id TYPE text, ALTER COLUMN parent TYPE text;
SELECT * FROM t ORDER BY id;
ALTER TABLE t ALTER COLUMN id TYPE int USING id::int + 1, ALTER COLUMN parent TYPE int USING parent::int + 1;
SELECT * FROM t ORDER BY id;
ALTER TABLE t ALTER COLUMN id TYPE bigint USING id * 10, ALTER COLUMN parent TYPE bigint;
ALTER TABLE t ALTER COLUMN parent TYPE text, ALTER COLUMN parent TYPE int USING parent::int;
CREATE TABLE w (a int, b int);
INSERT INTO w VALUES (1, 2);
ALTER TABLE w ALTER COLUMN a TYPE text USING b::text, ALTER COLUMN b TYPE int USING a + 10;
SELECT * FROM w;
