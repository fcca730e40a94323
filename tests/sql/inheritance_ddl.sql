-- Table inheritance: ALTER TABLE recursion, INHERIT / NO INHERIT, and their errors.
CREATE TABLE p (a int, b text);
CREATE TABLE c1 (c int) INHERITS (p);
CREATE TABLE c2 (b text, d int) INHERITS (p);
CREATE TABLE gc (e int) INHERITS (c1);
INSERT INTO c1 VALUES (1, 'one', 10);
INSERT INTO gc VALUES (2, 'two', 20, 200);
-- ADD COLUMN reaches every descendant; a child with the column merges it
ALTER TABLE c2 ADD COLUMN f int;
ALTER TABLE p ADD COLUMN f int DEFAULT 7;
ALTER TABLE ONLY p ADD COLUMN g int;
SELECT attrelid::regclass, attname, attislocal, attinhcount FROM pg_attribute
  WHERE attrelid IN ('p'::regclass, 'c1'::regclass, 'c2'::regclass, 'gc'::regclass) AND attnum > 0 AND NOT attisdropped ORDER BY 1, attnum;
SELECT tableoid::regclass, * FROM p ORDER BY a;
CREATE TABLE bad (f text);
ALTER TABLE bad INHERIT p;
DROP TABLE bad;
ALTER TABLE c2 DROP COLUMN f;
ALTER TABLE c2 DROP COLUMN b;
ALTER TABLE c2 ALTER COLUMN a TYPE bigint;
ALTER TABLE c1 RENAME COLUMN a TO z;
ALTER TABLE ONLY p RENAME COLUMN a TO z;
ALTER TABLE p RENAME COLUMN a TO aa;
SELECT * FROM gc;
-- CHECK constraints
ALTER TABLE p ADD CONSTRAINT pos CHECK (aa > 0);
ALTER TABLE ONLY p ADD CONSTRAINT pos2 CHECK (aa > 0);
ALTER TABLE p ADD CONSTRAINT own CHECK (aa < 100) NO INHERIT;
SELECT conrelid::regclass, conname, conislocal, coninhcount, connoinherit FROM pg_constraint
  WHERE conrelid IN ('p'::regclass, 'c1'::regclass, 'c2'::regclass, 'gc'::regclass) ORDER BY 1, 2;
INSERT INTO gc VALUES (-1);
ALTER TABLE gc DROP CONSTRAINT pos;
ALTER TABLE c1 ADD CONSTRAINT big CHECK (aa > 1000);
ALTER TABLE p DROP CONSTRAINT pos;
SELECT conrelid::regclass, conname FROM pg_constraint WHERE conrelid IN ('c1'::regclass, 'gc'::regclass) ORDER BY 1, 2;
-- RENAME and VALIDATE CONSTRAINT recurse
ALTER TABLE p ADD CONSTRAINT small CHECK (aa < 50) NOT VALID;
ALTER TABLE ONLY p RENAME CONSTRAINT small TO tiny;
ALTER TABLE gc RENAME CONSTRAINT small TO tiny;
ALTER TABLE p RENAME CONSTRAINT small TO tiny;
SELECT conrelid::regclass, conname, convalidated FROM pg_constraint WHERE conname = 'tiny' ORDER BY 1;
ALTER TABLE ONLY p VALIDATE CONSTRAINT tiny;
ALTER TABLE p VALIDATE CONSTRAINT tiny;
SELECT conrelid::regclass, conname, convalidated FROM pg_constraint WHERE conname = 'tiny' ORDER BY 1;
INSERT INTO gc (aa) VALUES (60);
ALTER TABLE p ADD CONSTRAINT wee CHECK (aa < 2) NOT VALID;
ALTER TABLE p VALIDATE CONSTRAINT wee;
ALTER TABLE p DROP CONSTRAINT wee;
-- NOT NULL and defaults recurse
ALTER TABLE p ALTER COLUMN b SET NOT NULL;
DELETE FROM ONLY c2;
ALTER TABLE p ALTER COLUMN b SET DEFAULT 'dflt';
INSERT INTO gc (aa) VALUES (5);
SELECT * FROM gc ORDER BY aa;
ALTER TABLE p ALTER COLUMN b DROP NOT NULL;
SELECT attrelid::regclass, attnotnull FROM pg_attribute WHERE attname = 'b' AND attrelid IN ('p'::regclass, 'gc'::regclass) ORDER BY 1;
-- DROP COLUMN with ONLY leaves the children's columns as their own
ALTER TABLE ONLY p DROP COLUMN f;
SELECT attrelid::regclass, attname, attislocal, attinhcount FROM pg_attribute
  WHERE attname = 'f' AND attrelid IN ('c1'::regclass, 'c2'::regclass, 'gc'::regclass) ORDER BY 1;
ALTER TABLE p DROP COLUMN b;
SELECT attrelid::regclass, attname FROM pg_attribute WHERE attname = 'b' AND NOT attisdropped
  AND attrelid IN ('c1'::regclass, 'c2'::regclass, 'gc'::regclass) ORDER BY 1;
-- INHERIT and NO INHERIT
CREATE TABLE q (x int NOT NULL, CONSTRAINT qx CHECK (x > 0));
CREATE TABLE r (x int);
ALTER TABLE r INHERIT q;
ALTER TABLE r ALTER COLUMN x SET NOT NULL;
ALTER TABLE r INHERIT q;
ALTER TABLE r ADD CONSTRAINT qx CHECK (x > 1);
ALTER TABLE r INHERIT q;
ALTER TABLE r DROP CONSTRAINT qx;
ALTER TABLE r ADD CONSTRAINT qx CHECK (x > 0);
CREATE TABLE s (y int);
ALTER TABLE s INHERIT q;
ALTER TABLE r INHERIT q;
ALTER TABLE r INHERIT q;
ALTER TABLE q INHERIT r;
ALTER TABLE q INHERIT q;
SELECT inhrelid::regclass, inhparent::regclass, inhseqno FROM pg_inherits WHERE inhparent = 'q'::regclass;
SELECT attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid = 'r'::regclass AND attnum > 0;
SELECT conname, conislocal, coninhcount FROM pg_constraint WHERE conrelid = 'r'::regclass;
INSERT INTO r VALUES (3);
SELECT * FROM q;
ALTER TABLE r NO INHERIT q;
ALTER TABLE r NO INHERIT q;
SELECT * FROM q;
SELECT attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid = 'r'::regclass AND attnum > 0;
SELECT conname, conislocal, coninhcount FROM pg_constraint WHERE conrelid = 'r'::regclass;
ALTER TABLE r NO INHERIT nosuch;
-- partitioning and inheritance do not mix
CREATE TABLE pt (x int NOT NULL) PARTITION BY LIST (x);
ALTER TABLE pt INHERIT q;
ALTER TABLE r INHERIT pt;
CREATE TABLE pt1 PARTITION OF pt FOR VALUES IN (1);
ALTER TABLE pt1 INHERIT q;
ALTER TABLE r INHERIT q;
ALTER TABLE pt ATTACH PARTITION r FOR VALUES IN (2);
ALTER TABLE pt ATTACH PARTITION q FOR VALUES IN (2);
TRUNCATE ONLY pt;
TRUNCATE ONLY q;
SELECT count(*) FROM q;
DROP TABLE p CASCADE;
DROP TABLE q CASCADE;
DROP TABLE pt;
-- DROP lists inheritors (and the views over them) as PostgreSQL orders dependencies
CREATE SCHEMA inh_s;
CREATE TABLE inh_s.p (a int);
CREATE TABLE inh_s.c () INHERITS (inh_s.p);
CREATE TABLE inh_outside () INHERITS (inh_s.p);
CREATE VIEW inh_s.v AS SELECT * FROM inh_s.c;
DROP SCHEMA inh_s;
DROP SCHEMA inh_s CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('inh_outside', 'ip2', 'ic2', 'iv2');
CREATE TABLE ip2 (a int);
CREATE TABLE ic2 () INHERITS (ip2);
CREATE VIEW iv2 AS SELECT * FROM ic2;
DROP TABLE ip2;
DROP TABLE ip2 CASCADE;
DROP TABLE ic2;
