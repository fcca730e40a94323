-- Statements that client libraries send (node-postgres, psycopg2, SQLAlchemy, ActiveRecord)
-- beyond plain queries.

-- SQLAlchemy's dialect asks for the schema with the function-call form.
SELECT current_schema(), current_schema;
SELECT current_schema(1);

-- INSERT … SELECT with untyped outputs: they take the target columns' types (node-postgres's
-- parameters arrive untyped in the same way).
CREATE TABLE t (i int, n numeric(5,2), s varchar(3));
INSERT INTO t (i, n, s) SELECT '5', '1.234', 'abc';
INSERT INTO t (i, n) SELECT '6', NULL;
INSERT INTO t (s) SELECT 'abcd';
INSERT INTO t (i) SELECT 1 + '1';
INSERT INTO t (i) SELECT s FROM t;
INSERT INTO t (i, s) SELECT i + 10, s FROM t WHERE i = '5';
-- A type mismatch points at the leftmost SELECT's output expression (VALUES columns have no location).
INSERT INTO t (i) SELECT lower('X') UNION ALL SELECT '6';
INSERT INTO t (i) (SELECT s FROM t);
INSERT INTO t (i) SELECT s FROM t UNION SELECT s FROM t;
INSERT INTO t (i) VALUES ('x'::text) ORDER BY 1;
INSERT INTO t (i) WITH w AS (SELECT 'a'::text AS x) SELECT x FROM w;
SELECT * FROM t ORDER BY i;
DROP TABLE t;

-- Session-level advisory locks, as ActiveRecord takes one around migrations.
SELECT pg_try_advisory_lock(8107402356965630985);
SELECT pg_try_advisory_lock(8107402356965630985), pg_try_advisory_lock(42);
SELECT pg_advisory_unlock(8107402356965630985);
BEGIN;
SELECT pg_advisory_unlock(8107402356965630985);
ROLLBACK;
SELECT pg_advisory_unlock(8107402356965630985);
SELECT pg_advisory_unlock(42), pg_advisory_unlock(42);
SELECT pg_try_advisory_lock(7);
SELECT pg_advisory_unlock_all();
SELECT pg_advisory_unlock(7);
SELECT pg_try_advisory_lock(1.5);

-- pg_available_extensions, as ActiveRecord's extension_enabled? reads it.
SELECT installed_version IS NOT NULL FROM pg_available_extensions WHERE name = 'pgcrypto';
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
SELECT installed_version IS NOT NULL FROM pg_available_extensions WHERE name = 'pgcrypto';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions
 WHERE name IN ('pgcrypto', 'plpgsql', 'uuid-ossp') ORDER BY name;
DROP EXTENSION pgcrypto;
