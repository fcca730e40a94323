-- EXPLAIN in PostgreSQL's text format (COSTS OFF where PostgreSQL's plan is deterministic and
-- Tenon's plan has the same shape), EXPLAIN ANALYZE without times, ANALYZE and VACUUM.
CREATE TABLE ex (a int PRIMARY KEY, b text, c int);
INSERT INTO ex SELECT g, 'x' || g, g % 10 FROM generate_series(1, 100) g;
CREATE TABLE ex_ref (id int PRIMARY KEY, ea int REFERENCES ex (a), d int);
INSERT INTO ex_ref SELECT g, g, g FROM generate_series(1, 50) g;
-- options
EXPLAIN (foo) SELECT 1;
EXPLAIN (timing) SELECT 1;
EXPLAIN (wal) SELECT 1;
EXPLAIN (analyze maybe) SELECT 1;
EXPLAIN (analyze 2) SELECT 1;
EXPLAIN (format foo) SELECT 1;
EXPLAIN (format) SELECT 1;
EXPLAIN (costs off) SELECT 1;
EXPLAIN (costs 'off', buffers, settings, format text) SELECT 1;
EXPLAIN (analyze off, timing off, costs false) SELECT 1;
-- scans
EXPLAIN (costs off) SELECT * FROM ex;
EXPLAIN (costs off) TABLE ex;
EXPLAIN (costs off) SELECT * FROM ex WHERE c = 3;
EXPLAIN (costs off) SELECT * FROM ex x WHERE x.b = 'a';
EXPLAIN (costs off) SELECT * FROM ex WHERE a = 3;
EXPLAIN (costs off) SELECT * FROM ex WHERE a = 3 AND c = 2;
EXPLAIN (costs off, verbose) SELECT a, b FROM ex WHERE c > 1;
EXPLAIN (costs off) VALUES (1), (2);
EXPLAIN (costs off) SELECT * FROM generate_series(1, 3);
-- upper nodes
EXPLAIN (costs off) SELECT * FROM ex ORDER BY c DESC LIMIT 3;
EXPLAIN (costs off) SELECT b FROM ex ORDER BY b NULLS FIRST;
EXPLAIN (costs off) SELECT * FROM ex LIMIT 1 OFFSET 2;
EXPLAIN (costs off) SELECT count(*) FROM ex;
EXPLAIN (costs off) SELECT c, count(*) FROM ex GROUP BY c;
EXPLAIN (costs off) SELECT DISTINCT c FROM ex;
EXPLAIN (costs off) SELECT DISTINCT ON (b) a, b FROM ex ORDER BY b, a;
EXPLAIN (costs off) SELECT row_number() OVER (ORDER BY c) FROM ex;
EXPLAIN (costs off) SELECT a FROM ex UNION ALL SELECT ea FROM ex_ref;
EXPLAIN (costs off) SELECT a FROM ex UNION SELECT ea FROM ex_ref;
-- expressions as PostgreSQL's plans print them
EXPLAIN (costs off) SELECT coalesce(c, 0), upper(b) FROM ex ORDER BY 1, 2;
EXPLAIN (costs off) SELECT a, CASE WHEN c > 0 THEN 'p' ELSE 'n' END FROM ex ORDER BY 2;
EXPLAIN (costs off) SELECT a FROM ex WHERE c = ANY (ARRAY[1, 2]);
EXPLAIN (costs off) SELECT a FROM ex WHERE b NOT IN ('x', 'y z');
EXPLAIN (costs off) SELECT 1 WHERE false;
EXPLAIN (costs off) SELECT c, count(*) FROM ex GROUP BY c HAVING count(*) > 3 ORDER BY count(*);
EXPLAIN (analyze, costs off, timing off, summary off) SELECT a, (SELECT max(d) FROM ex_ref WHERE ex_ref.id = ex.c) FROM ex WHERE b = 'x3';
EXPLAIN (costs off) SELECT a FROM ex WHERE c = (SELECT min(d) FROM ex_ref);
-- writes (plain EXPLAIN changes nothing)
EXPLAIN (costs off) INSERT INTO ex VALUES (1000, 'x', 1);
EXPLAIN (costs off) INSERT INTO ex VALUES (1000, 'x', 1), (1001, 'y', 2);
EXPLAIN (costs off) UPDATE ex SET c = 1 WHERE a = 5;
EXPLAIN (costs off) DELETE FROM ex WHERE c = 5;
SELECT count(*) FROM ex;
-- EXPLAIN ANALYZE really runs the statement
EXPLAIN (analyze, costs off, timing off, summary off) SELECT * FROM ex WHERE c = 3;
EXPLAIN (analyze, costs off, timing off, summary off) INSERT INTO ex_ref VALUES (1000, 5, 1);
EXPLAIN (analyze, costs off, timing off, summary off) INSERT INTO ex_ref VALUES (1001, 6, 1), (1002, NULL, 2);
EXPLAIN (analyze, costs off, timing off, summary off) UPDATE ex SET b = 'z' WHERE c = 7;
EXPLAIN (analyze, costs off, timing off, summary off) DELETE FROM ex WHERE a = 50;
SELECT count(*) FROM ex_ref;
-- ANALYZE and VACUUM
ANALYZE;
ANALYZE ex;
ANALYZE ex (a, b);
ANALYZE nosuch;
ANALYZE ex (nosuch);
ANALYZE ex, nosuch;
ANALYZE (foo) ex;
VACUUM;
VACUUM ex;
VACUUM ANALYZE ex;
VACUUM (analyze, verbose off) ex;
VACUUM FULL ex;
VACUUM nosuch;
VACUUM (foo) ex;
BEGIN;
ANALYZE ex;
VACUUM ex;
ROLLBACK;
