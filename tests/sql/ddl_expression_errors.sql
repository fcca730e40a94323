-- Errors of expressions in DDL: set-returning calls in DEFAULT and partition keys name their
-- clause, partition key expression errors carry no position (as PostgreSQL reports them), an
-- unknown partitioning strategy, and columns of pseudo-type unknown.
CREATE TABLE default_expr_agg (a int DEFAULT (generate_series(1,3)));
CREATE TABLE default_expr_agg (a int DEFAULT (avg(1)));
CREATE TABLE default_expr_agg (a int DEFAULT (select 1));
CREATE FUNCTION retset (a int) RETURNS SETOF int AS $$ SELECT 1; $$ LANGUAGE SQL IMMUTABLE;
CREATE TABLE partitioned (a int) PARTITION BY RANGE (retset(a));
CREATE TABLE partitioned (a int) PARTITION BY RANGE ((generate_series(1, a)));
CREATE TABLE partitioned (a int) PARTITION BY RANGE ((avg(a)));
CREATE TABLE partitioned (a int, b int) PARTITION BY RANGE ((avg(a) OVER (PARTITION BY b)));
CREATE TABLE partitioned (a int) PARTITION BY LIST ((a LIKE (SELECT 1)));
CREATE TABLE partitioned (a int) PARTITION BY RANGE ((42));
CREATE FUNCTION const_func () RETURNS int AS $$ SELECT 1; $$ LANGUAGE SQL IMMUTABLE;
CREATE TABLE partitioned (a int) PARTITION BY RANGE (const_func());
CREATE TABLE partitioned (a int) PARTITION BY MAGIC (a);
CREATE TABLE partitioned (a int) PARTITION BY RANGE (b);
CREATE TABLE partitioned (a int) PARTITION BY RANGE ((nosuch + 1));
CREATE TABLE partitioned (a int) PARTITION BY RANGE ((a + 1));
SELECT pg_get_partkeydef('partitioned'::regclass);
DROP TABLE partitioned;
DROP FUNCTION retset(int);
DROP FUNCTION const_func();
-- pseudo-type unknown
CREATE TABLE unknowntab (u unknown);
CREATE TYPE unknown_comptype AS (u unknown);
CREATE TABLE u3 (a int);
ALTER TABLE u3 ADD COLUMN u unknown;
SELECT count(*) FROM pg_class WHERE relname IN ('unknowntab', 'unknown_comptype');
DROP TABLE u3;
