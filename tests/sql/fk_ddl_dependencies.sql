-- DDL around foreign keys: DROP TABLE / DROP COLUMN / DROP CONSTRAINT refusing while foreign keys
-- depend on them (2BP01 with DETAIL and HINT) and dropping them with CASCADE (NOTICE); ADD COLUMN
-- … REFERENCES; renames followed by the constraints; TRUNCATE of referenced tables; temp tables.
CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, n int);
CREATE TABLE c1 (id int PRIMARY KEY, pid int REFERENCES p, pcode text REFERENCES p (code));
CREATE TABLE c2 (pid int CONSTRAINT c2_to_p REFERENCES p ON DELETE CASCADE);
INSERT INTO p VALUES (1, 'a', 0), (2, 'b', 0);
INSERT INTO c1 VALUES (1, 1, 'a');
INSERT INTO c2 VALUES (2);
DROP TABLE p;
DROP TABLE p, c1;
ALTER TABLE p DROP COLUMN code;
ALTER TABLE p DROP CONSTRAINT p_code_key;
ALTER TABLE p DROP CONSTRAINT p_pkey;
ALTER TABLE p DROP CONSTRAINT IF EXISTS nope;
ALTER TABLE p DROP CONSTRAINT nope;
DROP INDEX p_code_key;
ALTER TABLE p DROP COLUMN code CASCADE;
SELECT conname FROM pg_constraint WHERE conrelid IN ('p'::regclass, 'c1'::regclass, 'c2'::regclass) ORDER BY 1;
-- The referencing column itself can go; its foreign key goes with it.
ALTER TABLE c1 DROP COLUMN pcode;
ALTER TABLE c1 DROP COLUMN pid;
SELECT conname FROM pg_constraint WHERE conrelid = 'c1'::regclass ORDER BY 1;
ALTER TABLE p DROP CONSTRAINT p_pkey CASCADE;
SELECT conname FROM pg_constraint WHERE conrelid IN ('p'::regclass, 'c1'::regclass, 'c2'::regclass) ORDER BY 1;
INSERT INTO c2 VALUES (99);
-- ADD COLUMN … REFERENCES validates existing rows through the new column's default.
ALTER TABLE p ADD PRIMARY KEY (id);
ALTER TABLE c2 ADD COLUMN q int REFERENCES p;
ALTER TABLE c2 ADD COLUMN r int DEFAULT 7 REFERENCES p;
ALTER TABLE c2 ADD COLUMN r int DEFAULT 1 CONSTRAINT c2_r REFERENCES p ON DELETE SET NULL;
SELECT * FROM c2 ORDER BY pid;
-- Renames: the constraints follow the table and column, and messages show the new names.
ALTER TABLE p RENAME TO parent;
ALTER TABLE parent RENAME COLUMN id TO pk_id;
ALTER TABLE c2 RENAME CONSTRAINT c2_r TO c2_r_renamed;
ALTER TABLE c2 RENAME CONSTRAINT nope TO x;
INSERT INTO c2 VALUES (NULL, NULL, 5);
DELETE FROM parent WHERE pk_id = 1;
SELECT * FROM c2 ORDER BY pid;
-- NOT NULL and DEFAULT on key columns.
ALTER TABLE parent ALTER COLUMN pk_id DROP NOT NULL;
ALTER TABLE c2 ALTER COLUMN r SET NOT NULL;
ALTER TABLE c2 ALTER COLUMN r SET DEFAULT 2;
INSERT INTO c2 (pid) VALUES (NULL);
ALTER TABLE c2 ALTER COLUMN r DROP DEFAULT;
INSERT INTO c2 (pid) VALUES (NULL);
-- TRUNCATE: refused for a referenced table unless the referencing tables go too, or CASCADE.
CREATE TABLE t1 (id serial PRIMARY KEY);
CREATE TABLE t2 (id int REFERENCES t1);
CREATE TABLE t3 (id int REFERENCES t2 (id));
ALTER TABLE t2 ADD PRIMARY KEY (id);
CREATE TABLE t3 (id int REFERENCES t2 (id));
INSERT INTO t1 DEFAULT VALUES;
INSERT INTO t2 VALUES (1);
INSERT INTO t3 VALUES (1);
TRUNCATE t1;
TRUNCATE t1, t2;
TRUNCATE t3, t2, t1 RESTART IDENTITY;
INSERT INTO t1 DEFAULT VALUES;
INSERT INTO t2 VALUES (1);
TRUNCATE t1 CASCADE;
INSERT INTO t1 DEFAULT VALUES;
TRUNCATE t1 RESTART IDENTITY CASCADE;
INSERT INTO t1 DEFAULT VALUES RETURNING id;
DROP TABLE t1 CASCADE;
DROP TABLE t2 CASCADE;
-- Temporary tables take part in foreign keys among themselves.
CREATE TEMP TABLE tp (id int PRIMARY KEY);
CREATE TEMP TABLE tc (pid int REFERENCES tp ON DELETE CASCADE);
INSERT INTO tp VALUES (1);
INSERT INTO tc VALUES (1), (1);
INSERT INTO tc VALUES (2);
DELETE FROM tp;
SELECT count(*) FROM tc;
DROP TABLE tp;
DROP TABLE tp CASCADE;
-- Several tables in one DROP are checked as one set.
CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE b (id int PRIMARY KEY);
CREATE TABLE ca (x int REFERENCES a, y int REFERENCES b);
CREATE TABLE cb (y int REFERENCES b);
DROP TABLE a, b;
DROP TABLE b, a;
DROP TABLE a, nope;
DROP TABLE IF EXISTS a, nope;
DROP TABLE a, b, ca;
DROP TABLE a, b CASCADE;
DROP TABLE IF EXISTS nope, cb;
