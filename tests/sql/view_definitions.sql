-- pg_get_viewdef in all its forms, pg_views, pg_matviews and information_schema.views: view
-- queries printed again as PostgreSQL 15 prints them (qualified columns, quoting, casts, joins,
-- subqueries, set operations, WITH, grouping, windows, ordering, limits).
CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, dept int, salary numeric(10,2), code varchar(8), hired date);
CREATE TABLE dept ("Dept Id" int PRIMARY KEY, title text, budget bigint);
CREATE SCHEMA other;
CREATE TABLE other.loc (id int, city text);
CREATE VIEW v_simple AS SELECT id, name FROM emp WHERE salary > 1000;
SELECT pg_get_viewdef('v_simple'::regclass);
SELECT pg_get_viewdef('v_simple'::regclass, true);
SELECT pg_get_viewdef('v_simple');
SELECT pg_get_viewdef('v_simple', true);
SELECT pg_get_viewdef('v_simple'::regclass::oid, false);
CREATE VIEW v_alias AS SELECT e.id AS emp_id, e.name, d.title AS "Title", e.salary * 2 AS double_pay, 'x' AS lit, NULL AS nothing, 42, 1.5, -3
  FROM emp e JOIN dept d ON e.dept = d."Dept Id";
SELECT pg_get_viewdef('v_alias', true);
SELECT pg_get_viewdef('v_alias');
CREATE VIEW v_casts AS SELECT code = 'AB' AS is_ab, code || '!' AS shout, salary::int AS whole, id::text AS idt, hired + 1 AS next_day,
  name::varchar(5) AS short, CAST(budget AS numeric) AS b FROM emp, dept;
SELECT pg_get_viewdef('v_casts', true);
SELECT pg_get_viewdef('v_casts');
CREATE VIEW v_group AS SELECT dept, count(*) AS n, sum(salary) FILTER (WHERE salary > 0) AS total, max(name), count(DISTINCT code),
  string_agg(name, ',' ORDER BY name DESC) AS names
  FROM emp WHERE hired IS NOT NULL GROUP BY dept HAVING count(*) > 1 ORDER BY 2 DESC, dept NULLS FIRST LIMIT 10 OFFSET 1;
SELECT pg_get_viewdef('v_group', true);
SELECT pg_get_viewdef('v_group');
CREATE VIEW v_groupexpr AS SELECT salary + 1 AS s1, lower(name) AS ln FROM emp GROUP BY 1, lower(name) ORDER BY lower(name);
SELECT pg_get_viewdef('v_groupexpr', true);
SELECT pg_get_viewdef('v_groupexpr');
CREATE VIEW v_joins AS SELECT * FROM emp LEFT JOIN dept ON emp.dept = dept."Dept Id" RIGHT JOIN other.loc l USING (id) ;
SELECT pg_get_viewdef('v_joins', true);
SELECT pg_get_viewdef('v_joins');
CREATE VIEW v_full AS SELECT id, city, name FROM emp FULL JOIN other.loc USING (id) CROSS JOIN dept;
SELECT pg_get_viewdef('v_full', true);
CREATE VIEW v_natural AS SELECT * FROM emp NATURAL JOIN other.loc;
SELECT pg_get_viewdef('v_natural', true);
CREATE VIEW v_sub AS SELECT e.id, (SELECT max(budget) FROM dept) AS top, s.n
  FROM emp e, (SELECT dept AS d, count(*) AS n FROM emp GROUP BY dept) s
  WHERE e.dept = s.d AND EXISTS (SELECT 1 FROM dept WHERE "Dept Id" = e.dept) AND e.id NOT IN (SELECT id FROM other.loc)
    AND e.salary > ALL (SELECT budget FROM dept) AND e.id = ANY (SELECT id FROM other.loc);
SELECT pg_get_viewdef('v_sub', true);
SELECT pg_get_viewdef('v_sub');
CREATE VIEW v_union AS SELECT id, name FROM emp UNION SELECT id, city FROM other.loc EXCEPT SELECT 1, 'one' INTERSECT SELECT 2, 'two';
SELECT pg_get_viewdef('v_union', true);
CREATE VIEW v_union_all AS SELECT id FROM emp UNION ALL SELECT id FROM other.loc UNION ALL SELECT "Dept Id" FROM dept ORDER BY 1 LIMIT 5;
SELECT pg_get_viewdef('v_union_all', true);
CREATE VIEW v_with AS WITH rich AS (SELECT id, salary FROM emp WHERE salary > 5000), poor(pid) AS (SELECT id FROM emp WHERE salary < 10)
  SELECT r.id, p.pid FROM rich r CROSS JOIN poor p;
SELECT pg_get_viewdef('v_with', true);
CREATE VIEW v_window AS SELECT id, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) AS rn,
  sum(salary) OVER w AS running, avg(salary) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS a
  FROM emp WINDOW w AS (PARTITION BY dept ORDER BY id);
SELECT pg_get_viewdef('v_window', true);
CREATE VIEW v_exprs AS SELECT CASE WHEN salary > 100 THEN 'high' WHEN salary IS NULL THEN 'none' ELSE 'low' END AS band,
  CASE dept WHEN 1 THEN 'one' ELSE 'other' END AS d, coalesce(code, 'n/a') AS c, nullif(dept, 0) AS nz,
  id BETWEEN 1 AND 10 AS small, id IN (1, 2, 3) AS listed, NOT (id > 5) AS neg, name LIKE 'A%' AS a_name,
  greatest(id, dept) AS g, (id + dept) * 2 AS paren, id - (dept - 1) AS minus, name IS DISTINCT FROM code AS diff
  FROM emp;
SELECT pg_get_viewdef('v_exprs', true);
SELECT pg_get_viewdef('v_exprs');
CREATE VIEW v_distinct AS SELECT DISTINCT ON (dept) dept, name FROM emp ORDER BY dept, name;
SELECT pg_get_viewdef('v_distinct', true);
CREATE VIEW v_values AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s);
SELECT pg_get_viewdef('v_values', true);
CREATE VIEW v_srf AS SELECT g, e.name FROM generate_series(1, 3) g, emp e WHERE e.id = g;
SELECT pg_get_viewdef('v_srf', true);
CREATE VIEW "Quoted View" AS SELECT id AS "Select", name AS "user" FROM emp;
SELECT pg_get_viewdef('"Quoted View"', true);
CREATE VIEW v_nofrom AS SELECT 1 AS one, 'two'::text AS two, now() IS NOT NULL AS t;
SELECT pg_get_viewdef('v_nofrom', true);
CREATE VIEW v_view AS SELECT v.emp_id, v.lit FROM v_alias v WHERE v.emp_id < 5;
SELECT pg_get_viewdef('v_view', true);
-- The wrap column: items share a line until it passes the column.
SELECT pg_get_viewdef('v_alias'::regclass, 80);
SELECT pg_get_viewdef('v_casts'::regclass, 0);
SELECT pg_get_viewdef('v_exprs'::regclass, -1);
-- Not a view: NULL; no such relation: 42P01.
SELECT pg_get_viewdef('emp'::regclass) IS NULL AS is_null;
SELECT pg_get_viewdef('no_such_view');
-- A renamed table is printed under its new name; a table off the search path is qualified.
ALTER TABLE dept RENAME TO division;
SELECT pg_get_viewdef('v_alias', true);
SET search_path = other;
SELECT pg_get_viewdef('public.v_simple', true);
RESET search_path;
SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname LIMIT 4;
SELECT table_name, view_definition, check_option, is_updatable, is_insertable_into
  FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;
CREATE MATERIALIZED VIEW mv AS SELECT dept, count(*) AS n FROM emp GROUP BY dept;
SELECT matviewname, definition FROM pg_matviews;
SELECT pg_get_viewdef('mv', true);
-- The same table at two levels: the inner one is renamed as PostgreSQL names it.
CREATE VIEW v_twice AS SELECT id FROM emp WHERE id IN (SELECT id FROM emp WHERE dept = 1) AND EXISTS (SELECT 1 FROM emp x, emp WHERE x.id = emp.id);
SELECT pg_get_viewdef('v_twice', true);
-- A view's * is the columns there were when it was made: a view over a view that gains columns keeps its own.
CREATE TABLE base (id int, stuff text);
INSERT INTO base VALUES (23, 'skidoo');
CREATE VIEW base_v1 AS SELECT * FROM base b;
CREATE VIEW base_v2 AS SELECT *, to_json(v1) AS j FROM base_v1 v1;
CREATE OR REPLACE VIEW base_v1 AS SELECT *, 2 + 2 AS more FROM base b;
SELECT pg_get_viewdef('base_v2', true);
SELECT * FROM base_v2;
-- Field selection and row comparisons.
CREATE TYPE pair AS (a int, b text);
CREATE TABLE holder (x int, y pair CHECK ((y).a > 0));
CREATE VIEW holder_v AS SELECT (y).a, x FROM holder WHERE (y).b IS NOT NULL AND (x, (y).a) < (5, 6);
SELECT pg_get_viewdef('holder_v', true);
SELECT pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'holder'::regclass;
-- More shapes: set-returning calls, json/array operators, LATERAL, WITH ORDINALITY, SQL value
-- functions, window frames, WITH RECURSIVE (its self-reference renamed), nested joins.
CREATE TABLE shapes (a int PRIMARY KEY, b text, c numeric, j jsonb, arr int[]);
CREATE VIEW s1 AS SELECT generate_series(1, a) AS g, unnest(arr) FROM shapes;
SELECT pg_get_viewdef('s1', true);
CREATE VIEW s2 AS SELECT j->>'k' AS k, j @> '{"a":1}' AS has, arr[1] AS first, arr[1:2] AS sl, ARRAY[a, 2] AS ar FROM shapes;
SELECT pg_get_viewdef('s2', true);
CREATE VIEW s3 AS SELECT a FROM shapes, LATERAL (SELECT b) x, LATERAL generate_series(1, a) WITH ORDINALITY AS g(n, o);
SELECT pg_get_viewdef('s3', true);
CREATE VIEW s4 AS SELECT current_date, current_timestamp, now(), localtime, current_user, session_user FROM shapes;
SELECT pg_get_viewdef('s4', true);
CREATE VIEW s5 AS SELECT a::bigint + 1 AS x, c / 2 AS y, a % 3 AS z, -c AS w, b ILIKE '%x' AS l, b ~ 'a' AS r FROM shapes;
SELECT pg_get_viewdef('s5', true);
CREATE VIEW s6 AS SELECT count(*) FILTER (WHERE a > 1) OVER () AS cnt, lag(a) OVER (ORDER BY a) AS prev FROM shapes GROUP BY a;
SELECT pg_get_viewdef('s6', true);
CREATE VIEW s7 AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r;
SELECT pg_get_viewdef('s7', true);
SELECT * FROM s7 ORDER BY n;
CREATE VIEW s9 AS SELECT EXISTS (SELECT 1) AS e, ARRAY(SELECT a FROM shapes ORDER BY a) AS arr2, (SELECT count(*) FROM shapes) + 1 AS n FROM shapes;
SELECT pg_get_viewdef('s9', true);
CREATE VIEW s10 AS SELECT DISTINCT a FROM shapes ORDER BY a FETCH FIRST 3 ROWS ONLY;
SELECT pg_get_viewdef('s10', true);
CREATE VIEW s11 AS SELECT a, row_number() OVER w FROM shapes WINDOW w AS (ORDER BY a ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW);
SELECT pg_get_viewdef('s11', true);
CREATE VIEW s12 AS SELECT t1.a FROM shapes t1 JOIN (shapes t2 JOIN shapes t3 ON t2.a = t3.a) ON t1.a = t2.a LEFT JOIN LATERAL (SELECT t1.a AS q) l ON true;
SELECT pg_get_viewdef('s12', true);
SELECT pg_get_viewdef('s12');
SELECT count(*) FROM pg_views WHERE schemaname = 'public';
