-- Data-modifying statements in WITH: one snapshot for every part, each runs exactly once,
-- RETURNING rows feed the rest of the statement; errors for misplaced ones.
CREATE TABLE wd_src (id int PRIMARY KEY, v text);
CREATE TABLE wd_dst (id int, v text);
INSERT INTO wd_src VALUES (1, 'a'), (2, 'b'), (3, 'c');
WITH d AS (DELETE FROM wd_src WHERE id <= 2 RETURNING *) INSERT INTO wd_dst SELECT * FROM d;
SELECT * FROM wd_src ORDER BY id;
SELECT * FROM wd_dst ORDER BY id;
-- the main query sees the table as the statement started
WITH d AS (DELETE FROM wd_src RETURNING id) SELECT (SELECT count(*) FROM wd_src) AS before, (SELECT count(*) FROM d) AS deleted;
SELECT count(*) FROM wd_src;
INSERT INTO wd_src VALUES (4, 'd'), (5, 'e');
WITH u AS (UPDATE wd_src SET v = v || '!' RETURNING id, v) SELECT * FROM u ORDER BY id;
-- unreferenced data-modifying queries still run, once
WITH i AS (INSERT INTO wd_dst VALUES (10, 'x') RETURNING *), j AS (INSERT INTO wd_dst VALUES (11, 'y')) SELECT 1 AS one;
SELECT * FROM wd_dst ORDER BY id;
WITH i AS (INSERT INTO wd_dst VALUES (12, 'z') RETURNING id) SELECT * FROM i, i AS again;
SELECT count(*) FROM wd_dst WHERE id = 12;
-- several in one statement, one reading another's output
WITH a AS (DELETE FROM wd_dst WHERE id >= 10 RETURNING id, v),
     b AS (INSERT INTO wd_src SELECT id, v FROM a RETURNING id)
SELECT (SELECT count(*) FROM a) AS moved, (SELECT array_agg(id ORDER BY id) FROM b) AS ids;
SELECT * FROM wd_src ORDER BY id;
-- into UPDATE and DELETE
WITH t AS (SELECT 4 AS k), u AS (UPDATE wd_src SET v = 'four' FROM t WHERE id = t.k RETURNING id)
DELETE FROM wd_dst WHERE id IN (SELECT id FROM u) RETURNING *;
WITH n AS (INSERT INTO wd_dst VALUES (5, 'new') RETURNING id) UPDATE wd_src SET v = 'five' WHERE id IN (SELECT id FROM n) RETURNING *;
-- errors
WITH d AS (DELETE FROM wd_src WHERE id = 4) SELECT * FROM d;
SELECT * FROM (WITH d AS (DELETE FROM wd_src RETURNING *) SELECT * FROM d) s;
WITH x AS (WITH d AS (DELETE FROM wd_src RETURNING *) SELECT * FROM d) SELECT * FROM x;
SELECT (WITH d AS (DELETE FROM wd_src RETURNING id) SELECT max(id) FROM d);
WITH d AS (INSERT INTO wd_src VALUES (1, 'dup') RETURNING *) SELECT * FROM d;
SELECT * FROM wd_src ORDER BY id;
WITH d AS (DELETE FROM wd_src WHERE id = 1 RETURNING nope) SELECT * FROM d;
BEGIN;
WITH d AS (DELETE FROM wd_src RETURNING id) SELECT count(*) FROM d;
ROLLBACK;
SELECT count(*) FROM wd_src;
CREATE TABLE wp (id int PRIMARY KEY);
CREATE TABLE wc (id int PRIMARY KEY, pid int REFERENCES wp);
INSERT INTO wp VALUES (1), (2);
INSERT INTO wc VALUES (10, 1), (20, 2);
-- foreign keys are checked at the end of the whole statement
WITH d AS (DELETE FROM wp WHERE id = 1 RETURNING id) DELETE FROM wc WHERE pid IN (SELECT id FROM d);
SELECT * FROM wp ORDER BY id;
SELECT * FROM wc ORDER BY id;
WITH p AS (INSERT INTO wp VALUES (3) RETURNING id) INSERT INTO wc SELECT 30, id FROM p;
WITH c AS (INSERT INTO wc VALUES (40, 4) RETURNING pid) INSERT INTO wp SELECT pid FROM c;
WITH d AS (DELETE FROM wp WHERE id = 2 RETURNING id) SELECT * FROM d;
WITH c AS (INSERT INTO wc VALUES (50, 5) RETURNING pid) SELECT * FROM c;
SELECT * FROM wp ORDER BY id;
SELECT * FROM wc ORDER BY id;
-- the main statement's target scan sees the statement-start rows
CREATE TABLE wu (id int PRIMARY KEY, n int);
INSERT INTO wu VALUES (1, 0), (2, 0);
WITH u AS (UPDATE wu SET n = n + 1 WHERE id = 1 RETURNING *) UPDATE wu SET n = n + 10 WHERE id = 2 RETURNING *;
WITH u AS (INSERT INTO wu VALUES (3, 0) RETURNING *) SELECT (SELECT count(*) FROM wu) AS visible, (SELECT count(*) FROM u) AS inserted;
SELECT * FROM wu ORDER BY id;
WITH u AS (INSERT INTO wu VALUES (3, 0) ON CONFLICT (id) DO UPDATE SET n = 99 RETURNING *) SELECT * FROM u;
SELECT * FROM wu ORDER BY id;
