-- CREATE [OR REPLACE] VIEW, DROP VIEW, and what views do to DROP / ALTER of what they read.
CREATE TABLE dept (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE emp (id int PRIMARY KEY, dept_id int REFERENCES dept, name text, salary numeric(8,2));
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');
INSERT INTO emp VALUES (1, 1, 'ann', 100), (2, 1, 'bob', 90), (3, 2, 'cid', 80);
CREATE VIEW emp_names AS SELECT id, name FROM emp;
CREATE VIEW dept_pay (dept, total, people) AS
  SELECT d.name, sum(e.salary), count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name;
CREATE VIEW rich AS SELECT * FROM emp WHERE salary > 85;
CREATE VIEW rich_names AS SELECT r.name, d.name AS dept FROM rich r JOIN dept d ON d.id = r.dept_id;
SELECT * FROM emp_names ORDER BY id;
SELECT * FROM dept_pay ORDER BY dept;
SELECT * FROM rich_names ORDER BY name;
SELECT n.name, p.total FROM emp_names n JOIN emp e USING (id) JOIN dept_pay p ON p.dept = (SELECT name FROM dept WHERE id = e.dept_id) ORDER BY 1;
SELECT v.x FROM emp_names v;
SELECT count(*) FROM rich WHERE name LIKE 'a%';
SELECT relname, relkind FROM pg_class WHERE relname IN ('emp_names', 'dept_pay', 'rich', 'rich_names') ORDER BY 1;
SELECT 'rich'::regclass;
-- errors creating views
CREATE VIEW emp_names AS SELECT 1;
CREATE VIEW emp AS SELECT 1;
CREATE VIEW bad (a, b, c) AS SELECT 1, 2;
CREATE VIEW dup AS SELECT 1 AS a, 2 AS a;
CREATE VIEW bad2 AS SELECT nosuch FROM emp;
CREATE VIEW bad3 AS SELECT * FROM nosuch;
CREATE OR REPLACE VIEW emp AS SELECT 1;
-- OR REPLACE: same columns, or more at the end
CREATE OR REPLACE VIEW emp_names AS SELECT id, upper(name) AS name FROM emp;
SELECT * FROM emp_names ORDER BY id;
CREATE OR REPLACE VIEW emp_names AS SELECT id, name, salary FROM emp;
SELECT * FROM emp_names ORDER BY id;
CREATE OR REPLACE VIEW emp_names AS SELECT id, name FROM emp;
CREATE OR REPLACE VIEW emp_names AS SELECT id, name AS label, salary FROM emp;
CREATE OR REPLACE VIEW emp_names AS SELECT id::bigint, name, salary FROM emp;
CREATE OR REPLACE VIEW emp_names AS SELECT id, name, salary::int FROM emp;
CREATE OR REPLACE VIEW fresh AS SELECT 1 AS one;
SELECT * FROM fresh;
-- DROP TABLE / DROP VIEW on the wrong kind
DROP TABLE rich;
DROP VIEW emp;
DROP VIEW nosuch;
DROP VIEW IF EXISTS nosuch, fresh;
-- dependencies
DROP TABLE emp;
DROP VIEW rich;
ALTER TABLE emp DROP COLUMN salary;
ALTER TABLE emp DROP COLUMN dept_id;
ALTER TABLE dept DROP COLUMN name;
BEGIN;
DROP TABLE emp CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('emp_names', 'dept_pay', 'rich', 'rich_names') ORDER BY 1;
ROLLBACK;
BEGIN;
ALTER TABLE emp DROP COLUMN salary CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('emp_names', 'dept_pay', 'rich', 'rich_names') ORDER BY 1;
ROLLBACK;
DROP VIEW rich CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('emp_names', 'dept_pay', 'rich', 'rich_names') ORDER BY 1;
DROP VIEW emp_names, dept_pay;
-- a view keeps the columns * gave it when it was made
CREATE VIEW star AS SELECT * FROM dept;
ALTER TABLE dept ADD COLUMN budget int;
SELECT * FROM star ORDER BY id;
DROP VIEW star;
-- renaming what a view reads, or the view, keeps it working
CREATE VIEW dept_names AS SELECT d.name FROM dept d WHERE d.id < 3;
CREATE VIEW dept_names2 AS SELECT name AS n FROM dept_names;
ALTER TABLE dept RENAME TO division;
ALTER TABLE division RENAME COLUMN name TO title;
SELECT * FROM dept_names ORDER BY 1;
ALTER VIEW dept_names RENAME TO dn;
SELECT * FROM dept_names2 ORDER BY 1;
ALTER TABLE dn RENAME TO dept_names;
ALTER VIEW nosuch RENAME TO x;
ALTER VIEW IF EXISTS nosuch RENAME TO x;
ALTER VIEW division RENAME TO x;
ALTER SEQUENCE dept_names RENAME TO x;
ALTER VIEW dept_names RENAME TO emp;
ALTER INDEX dept_pkey RENAME TO division_pkey;
SELECT relname, relkind FROM pg_class WHERE relname IN ('division', 'division_pkey', 'dept_names', 'dept_names2') ORDER BY 1;
ALTER TABLE division RENAME TO dept;
ALTER TABLE dept RENAME COLUMN title TO name;
DROP VIEW dept_names CASCADE;
-- views in schemas and on the search path
CREATE SCHEMA rep;
CREATE VIEW rep.eng AS SELECT name FROM emp WHERE dept_id = 1;
SELECT * FROM rep.eng ORDER BY name;
SET search_path = rep, public;
SELECT * FROM eng ORDER BY name;
RESET search_path;
DROP TABLE emp;
DROP SCHEMA rep CASCADE;
DROP TABLE emp, dept;
