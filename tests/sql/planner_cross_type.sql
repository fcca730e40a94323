-- Index scans for comparisons between integer types of different widths: PostgreSQL's integer
-- btree operator family compares int2, int4 and int8 with each other, so an index on a column of
-- one width answers a comparison with a value of another (constants, parameters, join columns).
-- Values the key type cannot hold match nothing (equality) or bound nothing (ranges), never fail.
-- Also IN lists and IS NULL as index conditions.
SET enable_seqscan = off;
CREATE TABLE ct (a smallint PRIMARY KEY, b int, c bigint, d text);
CREATE INDEX ON ct (b);
CREATE INDEX ON ct (c);
INSERT INTO ct SELECT g, g * 10, g * 100, 'r' || g FROM generate_series(-20, 40) g;
INSERT INTO ct VALUES (32767, 2147483647, 9223372036854775807, 'max'), (-32768, -2147483648, -9223372036854775808, 'min');
INSERT INTO ct VALUES (100, NULL, NULL, 'nulls');
ANALYZE ct;
-- int2 column, int4 constant
EXPLAIN (COSTS OFF) SELECT * FROM ct WHERE a = 9;
SELECT * FROM ct WHERE a = 9;
SELECT * FROM ct WHERE 9 = a;
-- out of the key type's range: no rows, no error
EXPLAIN (COSTS OFF) SELECT * FROM ct WHERE a = 100000;
SELECT * FROM ct WHERE a = 100000;
SELECT * FROM ct WHERE a = -100000;
SELECT * FROM ct WHERE a = 5000000000;
SELECT * FROM ct WHERE b = 5000000000;
SELECT * FROM ct WHERE b = -9223372036854775808;
-- int4 column, int8 constant; int8 column, int4 and int2 constants
EXPLAIN (COSTS OFF) SELECT * FROM ct WHERE c = 900;
SELECT * FROM ct WHERE b = 90::bigint;
SELECT * FROM ct WHERE c = 900;
SELECT * FROM ct WHERE c = 900::smallint;
SELECT * FROM ct WHERE b = 90::smallint;
-- ranges
EXPLAIN (COSTS OFF) SELECT * FROM ct WHERE a BETWEEN 1 AND 5;
SELECT * FROM ct WHERE a BETWEEN 1 AND 5 ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ct WHERE c > 3800;
SELECT * FROM ct WHERE c > 3800 ORDER BY c;
SELECT a FROM ct WHERE a > 38 ORDER BY a;
SELECT a FROM ct WHERE a >= 32767 ORDER BY a;
SELECT a FROM ct WHERE a > 32767 ORDER BY a;
SELECT a FROM ct WHERE a > 100000 ORDER BY a;
SELECT a FROM ct WHERE a >= -100000 AND a < -15 ORDER BY a;
SELECT a FROM ct WHERE a < -32768 ORDER BY a;
SELECT a FROM ct WHERE a <= -32768 ORDER BY a;
SELECT count(*) FROM ct WHERE a < 100000;
SELECT count(*) FROM ct WHERE a > -100000;
SELECT count(*) FROM ct WHERE a > -100000 AND a < 100000;
SELECT count(*) FROM ct WHERE a BETWEEN 100000 AND 200000;
SELECT count(*) FROM ct WHERE b < 5000000000;
SELECT count(*) FROM ct WHERE b > -5000000000 AND b <= 0;
SELECT b FROM ct WHERE b >= 2147483647;
SELECT b FROM ct WHERE b > 2147483647;
SELECT c FROM ct WHERE c < -9000000000000000000;
-- numeric constants are not index conditions
EXPLAIN (COSTS OFF) SELECT * FROM ct WHERE a = 1.5;
SELECT * FROM ct WHERE a = 1.5;
SELECT * FROM ct WHERE a = 2.0;
-- prepared parameters of another width
PREPARE p8(bigint) AS SELECT a, d FROM ct WHERE a = $1;
EXECUTE p8(7);
EXECUTE p8(100000);
EXECUTE p8(NULL);
PREPARE p2(smallint) AS SELECT c, d FROM ct WHERE c = $1;
EXECUTE p2(1200::smallint);
EXECUTE p2(12);
PREPARE pr(int, bigint) AS SELECT a FROM ct WHERE a > $1 AND a < $2 ORDER BY a;
EXECUTE pr(35, 5000000000);
EXECUTE pr(-100000, -17);
EXECUTE pr(40000, 50000);
-- joins on columns of different widths
CREATE TABLE cu (id int PRIMARY KEY, ref int, ref8 bigint);
INSERT INTO cu SELECT g, g % 30, g * 100 FROM generate_series(1, 40) g;
INSERT INTO cu VALUES (41, 70000, 7000000000);
SELECT cu.id, ct.a FROM cu JOIN ct ON ct.a = cu.ref WHERE cu.id < 35 ORDER BY cu.id;
SELECT cu.id, ct.a FROM cu LEFT JOIN ct ON ct.a = cu.ref WHERE cu.id > 38 ORDER BY cu.id;
SELECT cu.id, ct.b FROM cu JOIN ct ON ct.b = cu.ref8 / 10 WHERE cu.id > 30 ORDER BY cu.id;
SELECT cu.id, ct.c FROM cu JOIN ct ON ct.c = cu.id ORDER BY cu.id;
SELECT count(*), sum(ct.c) FROM cu JOIN ct ON ct.a = cu.ref;
-- foreign keys between integer widths probe the parent's key
CREATE TABLE fk_child8 (id int PRIMARY KEY, p bigint REFERENCES ct (a));
INSERT INTO fk_child8 VALUES (1, 5), (2, -20), (3, NULL);
INSERT INTO fk_child8 VALUES (4, 100000);
INSERT INTO fk_child8 VALUES (5, 41);
CREATE TABLE fk_child2 (id int PRIMARY KEY, p smallint REFERENCES cu (id));
INSERT INTO fk_child2 VALUES (1, 5), (2, 41);
INSERT INTO fk_child2 VALUES (3, 42);
DELETE FROM ct WHERE a = 5;
DELETE FROM cu WHERE id = 41;
SELECT * FROM fk_child8 ORDER BY id;
SELECT * FROM fk_child2 ORDER BY id;
-- IN lists of values are index conditions (= ANY), of any type; values listed twice, NULL or
-- beyond the key type match once or nothing
CREATE TABLE ci (a smallint PRIMARY KEY, b int, c bigint, d text, e int);
CREATE INDEX ON ci (b);
CREATE INDEX ON ci (c);
CREATE INDEX ON ci (d);
CREATE INDEX ci_e_b ON ci (e, b);
INSERT INTO ci SELECT g, g * 10, g * 100, 'r' || g, g % 3 FROM generate_series(-20, 40) g;
INSERT INTO ci VALUES (32767, 2147483647, 9223372036854775807, 'max', 0);
ANALYZE ci;
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE a IN (1, 2, 3);
SELECT a FROM ci WHERE a IN (3, 1, 2, 1, 100000, NULL) ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE a IN (1, 100000);
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE b IN (10, 5000000000);
SELECT a FROM ci WHERE b IN (10, 5000000000, 2147483647) ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE c IN (100, 200);
SELECT a FROM ci WHERE c IN (100, 200, 300::smallint) ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE d IN ('r1', 'r2');
SELECT a FROM ci WHERE d IN ('r1', 'r2', 'zz') ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE a NOT IN (1, 2);
SELECT a FROM ci WHERE e = 1 AND b IN (10, 40, 70, 20) ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE a IN (1, 2) AND b > 5;
SELECT a FROM ci WHERE a IN (1, 2) AND b > 15 ORDER BY a;
PREPARE pin(bigint, int) AS SELECT a FROM ci WHERE a IN ($1, $2) ORDER BY a;
EXECUTE pin(5, 6);
EXECUTE pin(5000000000, 7);
EXECUTE pin(NULL, NULL);
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE a IN (1, b);
EXPLAIN (COSTS OFF) SELECT * FROM ci WHERE a IN (1);
EXPLAIN (COSTS OFF) DELETE FROM ci WHERE a IN (1, 2, 100000);
DELETE FROM ci WHERE a IN (1, 2, 100000) RETURNING a;
UPDATE ci SET d = 'u' WHERE b IN (30, 40, 30) RETURNING a, d;
SELECT a, d FROM ci WHERE a IN (-20, 1, 2, 3, 4) ORDER BY a;
CREATE TABLE cv (v varchar(5) PRIMARY KEY, n int);
INSERT INTO cv SELECT 'k' || g, g FROM generate_series(1, 50) g;
ANALYZE cv;
EXPLAIN (COSTS OFF) SELECT * FROM cv WHERE v IN ('k1', 'k7');
SELECT * FROM cv WHERE v IN ('k1', 'k7', 'zz') ORDER BY n;
-- IS NULL is an index condition (a btree keeps NULL keys)
CREATE TABLE nt (a int, b int, c text, d int[]);
CREATE INDEX nt_a ON nt (a);
CREATE INDEX nt_bc ON nt (b, c);
CREATE UNIQUE INDEX nt_c ON nt (c);
INSERT INTO nt SELECT CASE WHEN g % 4 = 0 THEN NULL ELSE g END, g % 3, CASE WHEN g % 5 = 0 THEN NULL ELSE 't' || g END, NULL FROM generate_series(1, 40) g;
ANALYZE nt;
EXPLAIN (COSTS OFF) SELECT * FROM nt WHERE a IS NULL;
SELECT b, c FROM nt WHERE a IS NULL ORDER BY b, c;
EXPLAIN (COSTS OFF) SELECT * FROM nt WHERE b = 1 AND c IS NULL;
SELECT a FROM nt WHERE b = 1 AND c IS NULL ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM nt WHERE c IS NULL;
SELECT count(*) FROM nt WHERE c IS NULL;
SELECT count(*) FROM nt WHERE a IS NULL AND c IS NULL;
DELETE FROM nt WHERE c IS NULL AND a IS NULL RETURNING b;
SELECT count(*) FROM nt WHERE a IS NULL;
