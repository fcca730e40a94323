-- REINDEX: every form, its options, its errors and what it changes in the catalog
CREATE TABLE rx (a int PRIMARY KEY, b int);
CREATE INDEX rx_b ON rx (b);
CREATE UNIQUE INDEX rx_ab ON rx (a, b);
INSERT INTO rx SELECT g, g % 3 FROM generate_series(1, 20) g;
REINDEX TABLE rx;
REINDEX INDEX rx_b;
-- PostgreSQL reports the CPU time taken in a DETAIL line; terse verbosity leaves it out.
\set VERBOSITY terse
REINDEX (VERBOSE) TABLE rx;
REINDEX (VERBOSE) INDEX rx_b;
REINDEX (VERBOSE false) TABLE rx;
REINDEX (VERBOSE, CONCURRENTLY) TABLE rx;
REINDEX (VERBOSE) TABLE CONCURRENTLY rx;
REINDEX (VERBOSE) INDEX CONCURRENTLY rx_ab;
\set VERBOSITY default
REINDEX (CONCURRENTLY false) TABLE rx;
REINDEX (TABLESPACE pg_default) TABLE rx;
SELECT count(*) FROM rx WHERE b = 1;
-- option errors
REINDEX (VERBOSE maybe) TABLE rx;
REINDEX (FOO) TABLE rx;
REINDEX (VERBOSE, BAR 1) TABLE rx;
REINDEX (TABLESPACE) TABLE rx;
REINDEX (TABLESPACE nosuch) TABLE rx;
REINDEX (TABLESPACE pg_global) INDEX rx_b;
-- what is named
REINDEX TABLE nosuch;
REINDEX INDEX nosuch;
REINDEX TABLE nosuch.rx;
REINDEX INDEX rx;
REINDEX TABLE rx_b;
CREATE VIEW rx_view AS SELECT 1 AS x;
CREATE SEQUENCE rx_seq;
REINDEX TABLE rx_view;
REINDEX INDEX rx_view;
REINDEX TABLE rx_seq;
REINDEX SCHEMA nosuch;
REINDEX SYSTEM nosuch;
REINDEX DATABASE nosuch;
REINDEX DATABASE CONCURRENTLY nosuch;
REINDEX SYSTEM CONCURRENTLY nosuch;
REINDEX;
REINDEX DATABASE;
REINDEX VIEW rx_view;
-- system catalogs
REINDEX TABLE pg_class;
REINDEX TABLE CONCURRENTLY pg_class;
REINDEX TABLE CONCURRENTLY pg_catalog.pg_index;
-- transaction blocks
BEGIN;
REINDEX TABLE rx;
REINDEX INDEX rx_b;
COMMIT;
BEGIN;
REINDEX TABLE CONCURRENTLY rx;
ROLLBACK;
BEGIN;
REINDEX INDEX CONCURRENTLY rx_b;
ROLLBACK;
BEGIN;
REINDEX SCHEMA public;
ROLLBACK;
BEGIN;
REINDEX SCHEMA nosuch;
ROLLBACK;
-- tables without indexes
CREATE TABLE rx_none (a int, b bigint);
REINDEX TABLE rx_none;
REINDEX TABLE CONCURRENTLY rx_none;
CREATE TABLE rx_toast (a int, t text);
REINDEX TABLE rx_toast;
REINDEX TABLE CONCURRENTLY rx_toast;
CREATE TEMP TABLE rx_temp (a int);
REINDEX TABLE CONCURRENTLY rx_temp;
CREATE INDEX rx_temp_a ON rx_temp (a);
-- PostgreSQL reports the CPU time taken in a DETAIL line; terse verbosity leaves it out.
\set VERBOSITY terse
REINDEX (VERBOSE) TABLE CONCURRENTLY rx_temp;
REINDEX (VERBOSE) INDEX CONCURRENTLY rx_temp_a;
\set VERBOSITY default
-- exclusion constraints are not rebuilt concurrently
CREATE TABLE rx_excl (a int, EXCLUDE USING btree (a WITH =));
REINDEX INDEX CONCURRENTLY rx_excl_a_excl;
REINDEX TABLE CONCURRENTLY rx_excl;
REINDEX TABLE rx_excl;
-- a rebuild checks uniqueness again
CREATE TABLE rx_dup (a int);
INSERT INTO rx_dup VALUES (1), (2);
CREATE UNIQUE INDEX rx_dup_a ON rx_dup (a);
REINDEX INDEX rx_dup_a;
-- new storage; CONCURRENTLY also a new oid, keeping name, constraint and comment
COMMENT ON INDEX rx_pkey IS 'the key';
CREATE TABLE rx_before AS SELECT oid, relname, relfilenode FROM pg_class WHERE relname IN ('rx_pkey', 'rx_b', 'rx');
REINDEX INDEX rx_pkey;
SELECT b.relname, a.oid = b.oid AS same_oid, a.relfilenode = b.relfilenode AS same_filenode
  FROM rx_before b JOIN pg_class a ON a.relname = b.relname ORDER BY 1;
REINDEX INDEX CONCURRENTLY rx_pkey;
SELECT b.relname, a.oid = b.oid AS same_oid, a.relfilenode = b.relfilenode AS same_filenode
  FROM rx_before b JOIN pg_class a ON a.relname = b.relname ORDER BY 1;
SELECT obj_description('rx_pkey'::regclass, 'pg_class');
SELECT conname, conindid = 'rx_pkey'::regclass AS uses_index FROM pg_constraint WHERE conrelid = 'rx'::regclass;
CREATE TABLE rx_ref (a int REFERENCES rx);
REINDEX TABLE CONCURRENTLY rx;
INSERT INTO rx_ref VALUES (1);
INSERT INTO rx_ref VALUES (100);
INSERT INTO rx VALUES (1, 0);
DELETE FROM rx WHERE a = 1;
-- materialized views
CREATE MATERIALIZED VIEW rx_mv AS SELECT 1 AS x;
REINDEX TABLE rx_mv;
CREATE INDEX rx_mv_x ON rx_mv (x);
\set VERBOSITY terse
REINDEX (VERBOSE) TABLE rx_mv;
\set VERBOSITY default
-- partitioned tables and indexes
CREATE TABLE rx_p (a int, b int) PARTITION BY RANGE (a);
CREATE TABLE rx_p1 PARTITION OF rx_p FOR VALUES FROM (0) TO (10);
CREATE TABLE rx_p2 PARTITION OF rx_p FOR VALUES FROM (10) TO (20) PARTITION BY RANGE (a);
CREATE TABLE rx_p21 PARTITION OF rx_p2 FOR VALUES FROM (10) TO (15);
CREATE INDEX rx_p_a ON rx_p (a);
\set VERBOSITY terse
REINDEX (VERBOSE) INDEX rx_p_a;
\set VERBOSITY default
\set VERBOSITY terse
REINDEX (VERBOSE) INDEX CONCURRENTLY rx_p_a;
\set VERBOSITY default
REINDEX TABLE rx_p;
REINDEX TABLE CONCURRENTLY rx_p;
REINDEX INDEX rx_p;
REINDEX TABLE rx_p_a;
BEGIN;
REINDEX TABLE rx_p;
ROLLBACK;
BEGIN;
REINDEX INDEX rx_p_a;
ROLLBACK;
CREATE TABLE rx_pe (a int) PARTITION BY RANGE (a);
REINDEX TABLE rx_pe;
-- schemas
CREATE SCHEMA rx_s;
CREATE TABLE rx_s.t (a int PRIMARY KEY);
CREATE TABLE rx_s.u (a int);
\set VERBOSITY terse
REINDEX (VERBOSE) SCHEMA rx_s;
\set VERBOSITY default
\set VERBOSITY terse
REINDEX (VERBOSE) SCHEMA CONCURRENTLY rx_s;
\set VERBOSITY default
CREATE SCHEMA rx_empty;
REINDEX SCHEMA rx_empty;
REINDEX SCHEMA CONCURRENTLY pg_catalog;

-- CLUSTER ON and REPLICA IDENTITY USING INDEX follow an index REINDEX CONCURRENTLY gives a new oid.
CREATE TABLE rx_ci (a int NOT NULL, b int NOT NULL);
CREATE UNIQUE INDEX rx_ci_a ON rx_ci (a);
CREATE INDEX rx_ci_b ON rx_ci (b);
ALTER TABLE rx_ci REPLICA IDENTITY USING INDEX rx_ci_a;
ALTER TABLE rx_ci CLUSTER ON rx_ci_b;
REINDEX TABLE CONCURRENTLY rx_ci;
SELECT c.relname, i.indisclustered, i.indisreplident FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'rx_ci'::regclass ORDER BY 1;
SELECT relreplident FROM pg_class WHERE oid = 'rx_ci'::regclass;
