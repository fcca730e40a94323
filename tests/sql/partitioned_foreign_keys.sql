-- Foreign keys from and to partitioned tables: the constraint rows PostgreSQL adds for the
-- partitions of a referenced table, the errors that name them, DETACH / DROP of referenced
-- partitions, referential actions that move rows between partitions, CREATE SCHEMA elements.
CREATE SCHEMA pfk
  CREATE TABLE pk (a int PRIMARY KEY) PARTITION BY RANGE (a)
  CREATE TABLE pk1 PARTITION OF pk FOR VALUES FROM (0) TO (100)
  CREATE TABLE pk2 PARTITION OF pk FOR VALUES FROM (100) TO (200) PARTITION BY RANGE (a)
  CREATE TABLE pk21 PARTITION OF pk2 FOR VALUES FROM (100) TO (150)
  CREATE TABLE pk2d PARTITION OF pk2 DEFAULT
  CREATE TABLE fk (a int REFERENCES pk, b int DEFAULT 7) PARTITION BY LIST (b)
  CREATE TABLE fk1 PARTITION OF fk FOR VALUES IN (1, 7)
  CREATE TABLE fk2 PARTITION OF fk FOR VALUES IN (2);
SET search_path TO pfk;
CREATE TABLE pk3 (a int NOT NULL);
ALTER TABLE pk ATTACH PARTITION pk3 FOR VALUES FROM (200) TO (300);
SELECT cr.relname, co.conname, cf.relname AS foreignrel, p.conname AS conparent, co.condeferrable
FROM pg_constraint co
JOIN pg_class cr ON cr.oid = co.conrelid
LEFT JOIN pg_class cf ON cf.oid = co.confrelid
LEFT JOIN pg_constraint p ON p.oid = co.conparentid
WHERE co.contype = 'f' AND cr.oid IN (SELECT relid FROM pg_partition_tree('fk'))
ORDER BY cr.relname, co.conname;
SELECT pg_describe_object('pg_constraint'::regclass, oid, 0), pg_get_constraintdef(oid)
FROM pg_constraint WHERE conrelid = 'fk'::regclass ORDER BY conname;
SELECT relid, parentrelid, isleaf, level FROM pg_partition_tree('pk') ORDER BY relid::text;
SELECT * FROM pg_partition_tree('pk2');
SELECT count(*) FROM pg_partition_tree('fk1');
INSERT INTO pk VALUES (1), (120), (170), (250);
INSERT INTO fk VALUES (1, 1), (120, 2), (170, 1), (250, 2);
INSERT INTO fk VALUES (5, 1);
DELETE FROM pk WHERE a = 1;
DELETE FROM pk WHERE a = 120;
DELETE FROM pk WHERE a = 170;
UPDATE pk SET a = 251 WHERE a = 250;
DELETE FROM pk1 WHERE a = 1;
-- detaching or dropping a referenced partition
ALTER TABLE pk DETACH PARTITION pk1;
ALTER TABLE pk2 DETACH PARTITION pk2d;
ALTER TABLE pk DETACH PARTITION pk2;
DROP TABLE pk21;
DROP TABLE pk3;
-- the constraint rows cannot be dropped or altered alone, nor the partitions' copies
ALTER TABLE fk DROP CONSTRAINT fk_a_fkey1;
ALTER TABLE fk ALTER CONSTRAINT fk_a_fkey2 DEFERRABLE;
ALTER TABLE fk1 DROP CONSTRAINT fk_a_fkey;
ALTER TABLE fk2 ALTER CONSTRAINT fk_a_fkey DEFERRABLE;
ALTER TABLE fk ALTER CONSTRAINT fk_a_fkey DEFERRABLE INITIALLY IMMEDIATE;
SELECT conrelid::regclass, conname, condeferrable FROM pg_constraint WHERE conname LIKE 'fk_a_fkey%' ORDER BY 1, 2;
BEGIN;
SET CONSTRAINTS fk_a_fkey DEFERRED;
DELETE FROM pk WHERE a = 1;
DELETE FROM fk WHERE a = 1;
COMMIT;
-- a partition detached from the referencing side gets rows of its own
DELETE FROM fk;
ALTER TABLE fk DETACH PARTITION fk2;
SELECT conname, confrelid::regclass, conparentid <> 0 AS derived FROM pg_constraint WHERE conrelid = 'fk2'::regclass ORDER BY 1;
INSERT INTO fk2 VALUES (120, 2);
DELETE FROM pk WHERE a = 120;
DELETE FROM fk2;
ALTER TABLE fk ATTACH PARTITION fk2 FOR VALUES IN (2);
SELECT conname, confrelid::regclass FROM pg_constraint WHERE conrelid = 'fk2'::regclass ORDER BY 1;
-- referential actions move a row to the partition its new values belong in
ALTER TABLE fk DROP CONSTRAINT fk_a_fkey;
ALTER TABLE fk ADD FOREIGN KEY (a, b) REFERENCES pkb ON UPDATE CASCADE ON DELETE SET DEFAULT;
CREATE TABLE pkb (a int, b int, PRIMARY KEY (a, b));
ALTER TABLE fk ADD FOREIGN KEY (a, b) REFERENCES pkb ON UPDATE CASCADE ON DELETE SET DEFAULT;
ALTER TABLE fk ALTER b SET DEFAULT 2;
INSERT INTO pkb VALUES (1, 1), (9, 2), (5, 2);
INSERT INTO fk VALUES (1, 1), (9, 2);
UPDATE pkb SET b = 2 WHERE a = 1 AND b = 1;
SELECT tableoid::regclass, * FROM fk ORDER BY a, b;
UPDATE pkb SET b = 1 WHERE a = 1;
SELECT tableoid::regclass, * FROM fk ORDER BY a, b;
ALTER TABLE fk ALTER a SET DEFAULT 5;
DELETE FROM pkb WHERE a = 1;
SELECT tableoid::regclass, * FROM fk ORDER BY a, b;
ALTER TABLE fk ALTER b SET DEFAULT 3;
DELETE FROM pkb WHERE a = 9;
SELECT tableoid::regclass, * FROM fk ORDER BY a, b;
-- ATTACH of a table a key of the partitioned table references; NOT VALID keys on partitioned tables
CREATE TABLE selfref_pk (a int PRIMARY KEY);
CREATE TABLE selfref (a int REFERENCES selfref_pk) PARTITION BY LIST (a);
ALTER TABLE selfref ATTACH PARTITION selfref_pk FOR VALUES IN (1);
ALTER TABLE selfref ADD FOREIGN KEY (a) REFERENCES selfref_pk NOT VALID;
-- a move across partitions under an ancestor that a key references directly
CREATE TABLE tree (a int PRIMARY KEY) PARTITION BY LIST (a);
CREATE TABLE tree12 PARTITION OF tree FOR VALUES IN (1, 2) PARTITION BY LIST (a);
CREATE TABLE tree1 PARTITION OF tree12 FOR VALUES IN (1);
CREATE TABLE tree2 PARTITION OF tree12 FOR VALUES IN (2);
CREATE TABLE tree3 PARTITION OF tree FOR VALUES IN (3);
CREATE TABLE treeref (a int REFERENCES tree12);
INSERT INTO tree VALUES (1), (3);
UPDATE tree SET a = 2 WHERE a = 3;
UPDATE tree SET a = 3 WHERE a = 1;
UPDATE tree12 SET a = 2 WHERE a = 1;
SELECT tableoid::regclass, * FROM tree ORDER BY a;
-- CREATE SCHEMA elements: order, search path, errors
CREATE SCHEMA pfk_elems
  CREATE VIEW v AS SELECT a FROM t
  CREATE INDEX ON t (a)
  CREATE TABLE t (a int DEFAULT nextval('s'))
  CREATE SEQUENCE s;
\d pfk_elems.t
CREATE SCHEMA pfk_bad CREATE TABLE other.t (a int);
CREATE SCHEMA IF NOT EXISTS pfk_bad2 CREATE TABLE t (a int);
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pfk_bad%';
DROP SCHEMA pfk_elems, pfk CASCADE;
