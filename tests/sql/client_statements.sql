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
SELECT * FROM t ORDER BY i;
DROP TABLE t;
