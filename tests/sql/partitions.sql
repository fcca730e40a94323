-- Declarative partitioning (PostgreSQL 15): bounds, routing, row movement, constraints, catalog.
CREATE TABLE rp (a text, b int, c numeric DEFAULT 1) PARTITION BY RANGE (a, (b + 0));
INSERT INTO rp VALUES ('a', 1);
CREATE TABLE rp_a1 PARTITION OF rp FOR VALUES FROM ('a', 1) TO ('a', 10);
CREATE TABLE rp_a2 PARTITION OF rp FOR VALUES FROM ('a', 10) TO ('a', 20);
CREATE TABLE rp_b PARTITION OF rp FOR VALUES FROM ('b', MINVALUE) TO ('b', MAXVALUE);
CREATE TABLE rp_def PARTITION OF rp DEFAULT;
-- overlaps and bad bounds
CREATE TABLE fail PARTITION OF rp FOR VALUES FROM ('a', 5) TO ('a', 15);
CREATE TABLE fail PARTITION OF rp FOR VALUES FROM ('a', 0) TO ('a', 2);
CREATE TABLE fail PARTITION OF rp FOR VALUES FROM ('c', 5) TO ('c', 5);
CREATE TABLE fail PARTITION OF rp FOR VALUES FROM ('c') TO ('d', 1);
CREATE TABLE fail PARTITION OF rp FOR VALUES FROM (MINVALUE, 1) TO ('d', 1);
CREATE TABLE fail PARTITION OF rp FOR VALUES IN ('a');
CREATE TABLE fail PARTITION OF rp DEFAULT;
CREATE TABLE fail PARTITION OF rp FOR VALUES FROM (NULL, 1) TO ('d', 1);
-- routing
INSERT INTO rp VALUES ('a', 1), ('a', 15), ('b', -100), ('z', 3), (NULL, NULL);
INSERT INTO rp_a1 VALUES ('a', 11);
INSERT INTO rp_def VALUES ('a', 5);
SELECT tableoid::regclass, * FROM rp ORDER BY 1, 2, 3;
SELECT * FROM ONLY rp;
-- row movement
UPDATE rp SET b = b + 10 WHERE a = 'a' RETURNING tableoid::regclass, *;
UPDATE rp SET a = 'b' WHERE b = 11;
UPDATE rp_a2 SET b = 1;
SELECT tableoid::regclass, * FROM rp ORDER BY 1, 2, 3;
DELETE FROM rp WHERE a = 'b' RETURNING *;
SELECT count(*) FROM rp;
-- adding a partition checks the default partition's rows
CREATE TABLE rp_z PARTITION OF rp FOR VALUES FROM ('z', 0) TO ('z', 10);
DELETE FROM rp_def WHERE a = 'z';
CREATE TABLE rp_z PARTITION OF rp FOR VALUES FROM ('z', 0) TO ('z', 10);

-- list partitioning, multi-level, NULL partition
CREATE TABLE lp (a text, b int) PARTITION BY LIST (lower(a));
CREATE TABLE lp_ab PARTITION OF lp FOR VALUES IN ('aa', 'bb');
CREATE TABLE lp_null PARTITION OF lp FOR VALUES IN (NULL);
CREATE TABLE lp_cd PARTITION OF lp FOR VALUES IN ('cc', 'dd') PARTITION BY RANGE (b);
CREATE TABLE lp_cd1 PARTITION OF lp_cd FOR VALUES FROM (1) TO (10);
CREATE TABLE lp_cd2 PARTITION OF lp_cd FOR VALUES FROM (10) TO (20);
CREATE TABLE fail PARTITION OF lp FOR VALUES IN ('x', 'BB', 'bb');
CREATE TABLE fail PARTITION OF lp FOR VALUES IN (NULL);
INSERT INTO lp VALUES ('AA', 1), ('Cc', 5), ('dd', 15), (NULL, 0);
INSERT INTO lp VALUES ('cc', 25);
INSERT INTO lp VALUES ('zz', 1);
INSERT INTO lp_cd VALUES ('aa', 1);
SELECT tableoid::regclass, * FROM lp ORDER BY 1, 2;
UPDATE lp_cd SET b = 100;
UPDATE lp SET a = 'bb' WHERE b = 15;
SELECT tableoid::regclass, * FROM lp ORDER BY 1, 2;
SELECT c.relname, c.relkind, c.relispartition, p.relname AS parent
FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
WHERE c.relname LIKE 'lp%' ORDER BY 1;

-- hash partitioning places rows as PostgreSQL does
CREATE TABLE hp (a int, b text) PARTITION BY HASH (a, b);
CREATE TABLE hp0 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hp1 PARTITION OF hp FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE hp3 PARTITION OF hp FOR VALUES WITH (MODULUS 4, REMAINDER 3);
CREATE TABLE fail PARTITION OF hp FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE fail PARTITION OF hp FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE fail PARTITION OF hp DEFAULT;
INSERT INTO hp SELECT g, repeat('x', g) FROM generate_series(1, 16) g;
SELECT tableoid::regclass, a FROM hp ORDER BY 2;

-- keys on partitioned tables
CREATE TABLE kp (a int, b int, PRIMARY KEY (b)) PARTITION BY RANGE (a);
CREATE TABLE kp (a int, b int, PRIMARY KEY (a, b)) PARTITION BY RANGE (a);
CREATE TABLE kp1 PARTITION OF kp FOR VALUES FROM (0) TO (10);
CREATE TABLE kp2 PARTITION OF kp FOR VALUES FROM (10) TO (20);
INSERT INTO kp VALUES (1, 1), (11, 1);
INSERT INTO kp VALUES (1, 1);
INSERT INTO kp VALUES (1, NULL);
SELECT conname, conrelid::regclass, contype FROM pg_constraint WHERE conrelid::regclass::text LIKE 'kp%' ORDER BY 1;
TRUNCATE kp;
SELECT count(*) FROM kp;

-- attach and detach
CREATE TABLE ap (a int NOT NULL, b text) PARTITION BY LIST (a);
CREATE TABLE ap1 (b text, a int NOT NULL);
INSERT INTO ap1 VALUES ('one', 1), ('two', 2);
ALTER TABLE ap ATTACH PARTITION ap1 FOR VALUES IN (1);
ALTER TABLE ap ATTACH PARTITION ap1 FOR VALUES IN (1, 2);
INSERT INTO ap VALUES (2, 'zwei');
SELECT tableoid::regclass, * FROM ap ORDER BY a, b;
CREATE TABLE ap2 (a int, b text, c int);
ALTER TABLE ap ATTACH PARTITION ap2 FOR VALUES IN (3);
CREATE TABLE ap3 (a int, b text);
ALTER TABLE ap ATTACH PARTITION ap3 FOR VALUES IN (3);
ALTER TABLE ap DETACH PARTITION ap1;
SELECT count(*) FROM ap;
SELECT count(*) FROM ap1;
CREATE TABLE notpart (a int);
CREATE TABLE fail PARTITION OF notpart FOR VALUES IN (1);

-- COPY routes rows; RETURNING sees the partition; column changes reach partitions
CREATE TABLE cp (a int, b text) PARTITION BY LIST (a);
CREATE TABLE cp1 PARTITION OF cp FOR VALUES IN (1);
CREATE TABLE cp2 PARTITION OF cp FOR VALUES IN (2) PARTITION BY RANGE (b);
CREATE TABLE cp2a PARTITION OF cp2 FOR VALUES FROM ('a') TO ('m');
COPY cp FROM stdin;
1	one
2	b
\.
COPY cp TO stdout;
INSERT INTO cp VALUES (1, 'x'), (2, 'c') RETURNING tableoid::regclass, *;
ALTER TABLE cp ADD COLUMN c int DEFAULT 7, ADD CHECK (c > 0);
ALTER TABLE cp DROP COLUMN b;
ALTER TABLE cp ALTER COLUMN a TYPE bigint;
INSERT INTO cp VALUES (1, -1);
INSERT INTO cp2a VALUES (2, 5);
SELECT tableoid::regclass, * FROM cp ORDER BY 1, 2, 3;
SELECT conname, conrelid::regclass FROM pg_constraint WHERE conrelid::regclass::text LIKE 'cp%' ORDER BY 2, 1;
SELECT pg_get_partkeydef('cp'::regclass), pg_partition_root('cp2a');
SELECT * FROM pg_partition_ancestors('cp2a');
ALTER TABLE cp ALTER COLUMN c TYPE numeric(5,1);
INSERT INTO cp VALUES (1, 'y', 2.25);
SELECT * FROM cp1 ORDER BY b;
ALTER TABLE cp DROP COLUMN c;
SELECT * FROM cp2a ORDER BY b;
SELECT count(*) FROM pg_constraint WHERE conname = 'cp_c_check';
DROP TABLE rp, lp, hp, kp, ap, ap1, ap2, ap3, notpart, cp;
SELECT count(*) FROM pg_class WHERE relname ~ '^(rp|lp|hp|kp|ap)[0-9_]';
