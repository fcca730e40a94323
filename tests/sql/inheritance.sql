-- Table inheritance: CREATE TABLE … INHERITS, scans of the parent, DML through it.
CREATE TABLE a (aa text);
CREATE TABLE b (bb text) INHERITS (a);
CREATE TABLE c (cc text) INHERITS (a);
CREATE TABLE d (dd text) INHERITS (b, c, a);
INSERT INTO a VALUES ('aaa'), ('aaaa');
INSERT INTO b VALUES ('bbb', 'b1');
INSERT INTO c VALUES ('ccc', 'c1');
INSERT INTO d VALUES ('ddd', 'd1', 'd2', 'd3');
SELECT relname, a.* FROM a, pg_class WHERE a.tableoid = pg_class.oid ORDER BY 1, 2;
SELECT relname, b.* FROM b, pg_class WHERE b.tableoid = pg_class.oid ORDER BY 1, 2;
SELECT relname, d.* FROM d, pg_class WHERE d.tableoid = pg_class.oid ORDER BY 1, 2;
SELECT * FROM ONLY a ORDER BY 1;
SELECT * FROM a* ORDER BY 1;
SELECT count(*) FROM a;
EXPLAIN (COSTS OFF) SELECT * FROM a WHERE aa <> 'x';
EXPLAIN (COSTS OFF) SELECT * FROM b AS x;
EXPLAIN (COSTS OFF) SELECT * FROM ONLY a;
EXPLAIN (COSTS OFF) SELECT aa || '!' FROM a WHERE aa > 'a';
EXPLAIN (COSTS OFF) SELECT aa FROM a;
EXPLAIN (COSTS OFF) UPDATE a SET aa = aa WHERE aa <> 'x';
EXPLAIN (COSTS OFF) DELETE FROM a AS t;
EXPLAIN (COSTS OFF) DELETE FROM ONLY a;
UPDATE a SET aa = 'z' || aa WHERE aa LIKE 'c%';
UPDATE b SET aa = 'new' RETURNING *;
SELECT tableoid::regclass, * FROM a ORDER BY 2;
UPDATE ONLY a SET aa = 'only' WHERE aa = 'aaa';
DELETE FROM a WHERE aa = 'new' RETURNING tableoid::regclass, aa;
DELETE FROM ONLY a WHERE aa = 'aaaa';
SELECT tableoid::regclass, * FROM a ORDER BY 2;
-- pg_inherits and the catalog columns
SELECT inhrelid::regclass, inhparent::regclass, inhseqno FROM pg_inherits WHERE inhrelid IN ('b'::regclass, 'c'::regclass, 'd'::regclass) ORDER BY 1, 3;
SELECT attrelid::regclass, attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid IN ('b'::regclass, 'd'::regclass) AND attnum > 0 ORDER BY 1, attnum;
-- merging and conflicts
CREATE TABLE p1 (f1 int NOT NULL, f2 text DEFAULT 'x', CHECK (f1 > 0));
CREATE TABLE p2 (f1 int, f3 int CHECK (f3 < 10) NO INHERIT);
CREATE TABLE ch (f2 text, f4 int) INHERITS (p1, p2);
SELECT attname, attnotnull, attislocal, attinhcount FROM pg_attribute WHERE attrelid = 'ch'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conname, conislocal, coninhcount, connoinherit FROM pg_constraint WHERE conrelid = 'ch'::regclass ORDER BY 1;
INSERT INTO ch (f1) VALUES (1) RETURNING *;
INSERT INTO ch (f1) VALUES (0);
INSERT INTO ch (f1, f3) VALUES (NULL, 100);
CREATE TABLE bad (f1 text) INHERITS (p1);
CREATE TABLE p3 (f1 bigint);
CREATE TABLE bad (x int) INHERITS (p1, p3);
CREATE TABLE bad () INHERITS (p1, p1);
CREATE TABLE bad () INHERITS (nosuch);
CREATE VIEW v AS SELECT 1 AS x;
CREATE TABLE bad () INHERITS (v);
CREATE TABLE pt (a int) PARTITION BY LIST (a);
CREATE TABLE bad () INHERITS (pt);
CREATE TABLE pt1 PARTITION OF pt FOR VALUES IN (1);
CREATE TABLE bad () INHERITS (pt1);
CREATE TABLE bad (a int) INHERITS (p1) PARTITION BY LIST (a);
CREATE TABLE q1 (x int DEFAULT 1);
CREATE TABLE q2 (x int DEFAULT 2);
CREATE TABLE bad () INHERITS (q1, q2);
CREATE TABLE good (x int DEFAULT 3) INHERITS (q1, q2);
CREATE TABLE ck1 (x int, CONSTRAINT c CHECK (x > 0));
CREATE TABLE ck2 (x int, CONSTRAINT c CHECK (x > 1));
CREATE TABLE bad () INHERITS (ck1, ck2);
CREATE TABLE ck3 (CONSTRAINT c CHECK (x > 0)) INHERITS (ck1);
CREATE TABLE bad (CONSTRAINT c CHECK (x > 5)) INHERITS (ck1);
SELECT conname, conislocal, coninhcount FROM pg_constraint WHERE conrelid = 'ck3'::regclass;
-- primary keys, unique and foreign keys are not inherited
CREATE TABLE kp (id int PRIMARY KEY, u int UNIQUE);
CREATE TABLE kc (extra int) INHERITS (kp);
INSERT INTO kp VALUES (1, 1);
INSERT INTO kc VALUES (1, 1, 0), (1, 1, 0);
SELECT * FROM kp ORDER BY 1;
SELECT conname FROM pg_constraint WHERE conrelid = 'kc'::regclass;
CREATE TABLE fkr (id int REFERENCES kp);
INSERT INTO fkr VALUES (1);
DELETE FROM ONLY kp;
INSERT INTO fkr VALUES (1);
-- MERGE reaches the children (and partitions) unless ONLY
CREATE TABLE mp (a int, b text);
CREATE TABLE mc (x int) INHERITS (mp);
INSERT INTO mp VALUES (1, 'p1'), (2, 'p2');
INSERT INTO mc VALUES (3, 'c3', 30), (4, 'c4', 40);
MERGE INTO mp USING (VALUES (1), (3), (5)) s(k) ON mp.a = s.k
  WHEN MATCHED AND mp.a = 3 THEN DELETE
  WHEN MATCHED THEN UPDATE SET b = b || '!'
  WHEN NOT MATCHED THEN INSERT VALUES (s.k, 'new');
SELECT tableoid::regclass, * FROM mp ORDER BY a;
MERGE INTO ONLY mp USING (VALUES (4)) s(k) ON mp.a = s.k
  WHEN MATCHED THEN UPDATE SET b = 'only'
  WHEN NOT MATCHED THEN INSERT VALUES (s.k, 'ins');
SELECT tableoid::regclass, * FROM mp ORDER BY a, b;
MERGE INTO mp USING (VALUES (4), (4)) s(k) ON mp.a = s.k WHEN MATCHED THEN UPDATE SET b = 'twice';
CREATE TABLE mpt (a int, b text) PARTITION BY LIST (a);
CREATE TABLE mpt1 PARTITION OF mpt FOR VALUES IN (1, 2);
CREATE TABLE mpt2 PARTITION OF mpt FOR VALUES IN (3, 4);
INSERT INTO mpt VALUES (1, 'one'), (3, 'three');
MERGE INTO mpt USING (VALUES (1), (3), (4)) s(k) ON mpt.a = s.k
  WHEN MATCHED AND mpt.a = 1 THEN UPDATE SET a = 4
  WHEN MATCHED THEN DELETE
  WHEN NOT MATCHED THEN INSERT VALUES (s.k, 'new');
SELECT tableoid::regclass, * FROM mpt ORDER BY a, b;
-- generated columns
CREATE TABLE gen (a int, g int GENERATED ALWAYS AS (a * 2) STORED);
CREATE TABLE genc () INHERITS (gen);
INSERT INTO genc (a) VALUES (5);
SELECT * FROM gen;
CREATE TABLE genbad (g int GENERATED ALWAYS AS (a * 3) STORED) INHERITS (gen);
CREATE TABLE genbad2 (g int DEFAULT 1) INHERITS (gen);
CREATE TABLE plain (a int, g int);
CREATE TABLE genok (g int GENERATED ALWAYS AS (a * 3) STORED) INHERITS (plain);
INSERT INTO genok (a) VALUES (2);
SELECT * FROM plain;
-- xmin of rows read through the parent is the storing table's
CREATE TABLE xp (a int);
CREATE TABLE xc () INHERITS (xp);
INSERT INTO xc VALUES (1);
BEGIN;
INSERT INTO xc VALUES (2);
INSERT INTO xp VALUES (3);
SELECT count(DISTINCT xmin::text) FROM xp;
SELECT (SELECT xmin::text FROM xp WHERE a = 2) = (SELECT xmin::text FROM ONLY xp WHERE a = 3) AS same;
COMMIT;
-- TRUNCATE and DROP
TRUNCATE ONLY a;
SELECT tableoid::regclass, * FROM a ORDER BY 2;
TRUNCATE a;
SELECT count(*) FROM a;
DROP TABLE a;
DROP TABLE b;
DROP TABLE a CASCADE;
DROP TABLE p1;
DROP TABLE p1, p2, ch;
