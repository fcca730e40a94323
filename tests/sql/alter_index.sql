-- ALTER INDEX: storage parameters, statistics targets, tablespace, owner, rename
CREATE TABLE ai (a int, b text, c int);
CREATE INDEX ai_a ON ai (a);
CREATE INDEX ai_e ON ai ((a + 1), b, (c * 2)) INCLUDE (c);
ALTER INDEX ai_a SET (fillfactor = 50);
ALTER INDEX ai_a SET (deduplicate_items = off);
SELECT relname, reloptions FROM pg_class WHERE relname IN ('ai_a', 'ai_e') ORDER BY 1;
ALTER INDEX ai_a SET (fillfactor = 5);
ALTER INDEX ai_a SET (fillfactor = 101);
ALTER INDEX ai_a SET (fillfactor = 'x');
ALTER INDEX ai_a SET (fillfactor);
ALTER INDEX ai_a SET (nosuch = 1);
ALTER INDEX ai_a SET (autovacuum_enabled = off);
ALTER INDEX ai_a SET (deduplicate_items = 'maybe');
ALTER INDEX ai_a SET (fillfactor = 70, fillfactor = 80);
ALTER INDEX ai_a SET (other.fillfactor = 70);
ALTER INDEX ai_a SET (fillfactor = 10.5);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ai_a';
ALTER INDEX ai_a RESET (fillfactor);
ALTER INDEX ai_a RESET (nosuch);
ALTER INDEX ai_a RESET (fillfactor = 3);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ai_a';
ALTER INDEX ai_a SET (fillfactor = 30), SET (fillfactor = 40);
SELECT pg_get_indexdef('ai_a'::regclass);
\d ai
ALTER INDEX nosuch SET (fillfactor = 10);
ALTER INDEX IF EXISTS nosuch SET (fillfactor = 10);
ALTER INDEX ai SET (fillfactor = 10);
-- statistics targets of expression columns only
ALTER INDEX ai_a ALTER COLUMN 1 SET STATISTICS 100;
ALTER INDEX ai_e ALTER COLUMN 1 SET STATISTICS 100;
ALTER INDEX ai_e ALTER 2 SET STATISTICS 100;
ALTER INDEX ai_e ALTER COLUMN 3 SET STATISTICS 10001;
ALTER INDEX ai_e ALTER COLUMN 3 SET STATISTICS -2;
ALTER INDEX ai_e ALTER COLUMN 4 SET STATISTICS 100;
ALTER INDEX ai_e ALTER COLUMN 5 SET STATISTICS 100;
ALTER INDEX ai_e ALTER COLUMN 0 SET STATISTICS 100;
ALTER INDEX ai_e ALTER COLUMN b SET STATISTICS 100;
ALTER INDEX ai_e ALTER COLUMN expr1 SET STATISTICS 7;
ALTER INDEX ai_e ALTER COLUMN nosuch SET STATISTICS 7;
SELECT attnum, attname, attstattarget FROM pg_attribute WHERE attrelid = 'ai_e'::regclass ORDER BY attnum;
\d+ ai_e
ALTER INDEX ai_e ALTER COLUMN 1 SET STATISTICS -1;
SELECT attnum, attname, attstattarget FROM pg_attribute WHERE attrelid = 'ai_e'::regclass ORDER BY attnum;
-- tablespace, owner, extension dependency
ALTER INDEX ai_a SET TABLESPACE pg_default;
ALTER INDEX ai_a SET TABLESPACE nosuch;
ALTER INDEX ai_a SET TABLESPACE pg_global;
ALTER INDEX ALL IN TABLESPACE pg_default SET TABLESPACE pg_default;
ALTER INDEX ALL IN TABLESPACE nosuch SET TABLESPACE pg_default;
ALTER INDEX ai_a OWNER TO CURRENT_USER;
ALTER INDEX ai_a OWNER TO nosuch_role;
ALTER INDEX ai_a DEPENDS ON EXTENSION nosuch;
ALTER INDEX ai_a SET SCHEMA public;
-- rename
ALTER INDEX ai_a RENAME TO ai_a2;
ALTER INDEX IF EXISTS nosuch RENAME TO x;
SELECT relname FROM pg_class WHERE relname LIKE 'ai_a%';
-- storage parameters at creation, per access method
CREATE INDEX ai_w ON ai (a) WITH (fillfactor = 30, deduplicate_items = off);
CREATE INDEX ai_w2 ON ai (a) WITH (fillfactor = 3);
CREATE INDEX ai_w3 ON ai (a) WITH (nosuch = 3);
CREATE INDEX ai_w4 ON ai USING hash (a) WITH (fillfactor = 30);
CREATE INDEX ai_w5 ON ai USING hash (a) WITH (deduplicate_items = on);
CREATE INDEX ai_w6 ON ai (a) WITH (toast.fillfactor = 10);
CREATE INDEX ai_w7 ON ai (a) WITH (deduplicate_items);
CREATE INDEX ai_w8 ON ai (a) TABLESPACE nosuch;
SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'ai_w%' ORDER BY 1;
SELECT pg_get_indexdef('ai_w'::regclass);
CREATE TABLE ai_k (a int, CONSTRAINT ai_k_pkey PRIMARY KEY (a));
ALTER INDEX ai_k_pkey SET (fillfactor = 60);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ai_k_pkey';
-- CONCURRENTLY inside a transaction block
BEGIN;
CREATE INDEX CONCURRENTLY ai_c ON ai (a);
ROLLBACK;
BEGIN;
DROP INDEX CONCURRENTLY ai_w;
ROLLBACK;
DROP INDEX CONCURRENTLY ai_w, ai_w4;
DROP INDEX CONCURRENTLY ai_w CASCADE;
DROP INDEX CONCURRENTLY ai_w;
DROP INDEX CONCURRENTLY IF EXISTS ai_w;
-- partitioned indexes: ATTACH PARTITION
CREATE TABLE aip (a int, b int) PARTITION BY RANGE (a);
CREATE TABLE aip1 PARTITION OF aip FOR VALUES FROM (0) TO (10);
CREATE TABLE aip2 PARTITION OF aip FOR VALUES FROM (10) TO (20);
CREATE INDEX aip_a ON ONLY aip (a);
SELECT pg_get_indexdef('aip_a'::regclass);
SELECT relname, relkind, relispartition, indisvalid FROM pg_class JOIN pg_index ON indexrelid = oid WHERE relname LIKE 'aip%' ORDER BY 1;
CREATE INDEX aip1_a ON aip1 (a);
CREATE INDEX aip1_b ON aip1 (b);
CREATE INDEX aip1_a_hash ON aip1 USING hash (a);
CREATE INDEX aip2_a ON aip2 (a);
ALTER INDEX aip_a ATTACH PARTITION nosuch;
ALTER INDEX aip_a ATTACH PARTITION aip1;
ALTER INDEX aip ATTACH PARTITION aip1_a;
ALTER INDEX aip1_a ATTACH PARTITION aip2_a;
ALTER INDEX aip_a ATTACH PARTITION aip1_b;
ALTER INDEX aip_a ATTACH PARTITION aip1_a_hash;
ALTER INDEX aip_a ATTACH PARTITION aip_a;
ALTER INDEX aip_a ATTACH PARTITION aip1_a;
ALTER INDEX aip_a ATTACH PARTITION aip1_a;
CREATE INDEX aip1_a2 ON aip1 (a);
ALTER INDEX aip_a ATTACH PARTITION aip1_a2;
SELECT relname, relkind, relispartition, indisvalid FROM pg_class JOIN pg_index ON indexrelid = oid WHERE relname LIKE 'aip%' ORDER BY 1;
ALTER INDEX aip_a ATTACH PARTITION aip2_a;
SELECT relname, relkind, relispartition, indisvalid FROM pg_class JOIN pg_index ON indexrelid = oid WHERE relname LIKE 'aip%' ORDER BY 1;
SELECT inhrelid::regclass, inhparent::regclass FROM pg_inherits WHERE inhparent = 'aip_a'::regclass ORDER BY 1;
DROP INDEX aip1_a;
CREATE TABLE aip3 (b int, a int);
CREATE INDEX aip3_a ON aip3 (a);
ALTER TABLE aip ATTACH PARTITION aip3 FOR VALUES FROM (20) TO (30);
SELECT inhrelid::regclass, inhparent::regclass FROM pg_inherits WHERE inhparent = 'aip_a'::regclass ORDER BY 1;
ALTER TABLE aip DETACH PARTITION aip3;
SELECT inhrelid::regclass, inhparent::regclass FROM pg_inherits WHERE inhparent = 'aip_a'::regclass ORDER BY 1;
DROP INDEX aip_a;
SELECT relname FROM pg_class WHERE relname LIKE 'aip%' AND relkind IN ('i', 'I') ORDER BY 1;
CREATE INDEX CONCURRENTLY ON aip (a);
CREATE TABLE syscol_table (a INT);
CREATE INDEX ON syscol_table (ctid);
CREATE INDEX ON syscol_table ((ctid >= '(1000,0)'));
CREATE INDEX ON syscol_table (a) WHERE ctid >= '(1000,0)';
CREATE INDEX ON syscol_table (a) WHERE xmin::text <> '1';
CREATE INDEX ON syscol_table (a) INCLUDE (tableoid);
CREATE INDEX ON syscol_table (nosuch) WHERE ctid >= '(1000,0)';
CREATE INDEX ON syscol_table ((syscol_table.xmin::text));
-- renaming a key constraint renames its index, and the other way round
CREATE TABLE rn (a int CONSTRAINT rn_k UNIQUE, b int PRIMARY KEY);
ALTER TABLE rn RENAME CONSTRAINT rn_k TO rn_k2;
SELECT conname, conindid::regclass FROM pg_constraint WHERE conrelid = 'rn'::regclass ORDER BY 1;
DROP INDEX rn_k2;
ALTER INDEX rn_pkey RENAME TO rn_pk2;
SELECT conname, conindid::regclass FROM pg_constraint WHERE conrelid = 'rn'::regclass ORDER BY 1;
DROP INDEX rn_pk2;
\d rn
ALTER TABLE rn DROP CONSTRAINT rn_pk2;
\d rn
-- GIN key column types and access-method storage parameters
CREATE TABLE gt (v tsvector, j jsonb, a int[], t text[]);
CREATE INDEX gt_v ON gt USING gin (v);
CREATE INDEX gt_j ON gt USING gin (j);
CREATE INDEX gt_a ON gt USING gin (a);
CREATE INDEX gt_t ON gt USING gin (t) WITH (fastupdate = off);
CREATE INDEX gt_b ON gt USING brin (a) WITH (pages_per_range = 0);
\d+ gt_v
\d+ gt_j
\d+ gt_t
