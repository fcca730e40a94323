-- Self-referencing foreign keys: an employees/manager hierarchy, self-joins with aliases,
-- WITH RECURSIVE walks up and down the tree, and ON DELETE SET NULL / CASCADE / NO ACTION on a
-- self-reference; a category tree with a cascading delete.
CREATE TABLE employees (
  employee_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT,
  manager_id INTEGER REFERENCES employees (employee_id) ON DELETE SET NULL
);
-- the root must come first (or in the same statement): the FK is checked at end of statement
INSERT INTO employees VALUES (2, 'Marcus', 'Director', 1);
INSERT INTO employees VALUES (2, 'Marcus', 'Director', 1), (1, 'Sandra', 'CEO', NULL);
INSERT INTO employees VALUES
  (3, 'Priya', 'Director', 1), (4, 'Tom', 'Engineer', 2), (5, 'Uma', 'Engineer', 2),
  (6, 'Vic', 'Intern', 4), (7, 'Wen', 'Analyst', 3);
-- a row may reference itself
INSERT INTO employees VALUES (8, 'Solo', 'Contractor', 8);
-- self-join: each employee with their manager
SELECT e.name AS employee, m.name AS manager
FROM employees e
LEFT JOIN employees m ON m.employee_id = e.manager_id
ORDER BY e.employee_id;
-- two levels up
SELECT e.name, m.name AS manager, g.name AS grand_manager
FROM employees e
JOIN employees m ON m.employee_id = e.manager_id
JOIN employees g ON g.employee_id = m.manager_id
ORDER BY e.name;
-- number of direct reports
SELECT m.name, count(e.employee_id) AS reports
FROM employees m LEFT JOIN employees e ON e.manager_id = m.employee_id AND e.employee_id <> m.employee_id
GROUP BY m.employee_id, m.name
HAVING count(e.employee_id) > 0
ORDER BY reports DESC, m.name;
-- everyone under Marcus, with depth and path
WITH RECURSIVE subordinates AS (
  SELECT employee_id, name, manager_id, 0 AS depth, name AS path
  FROM employees WHERE name = 'Marcus'
  UNION ALL
  SELECT e.employee_id, e.name, e.manager_id, s.depth + 1, s.path || ' > ' || e.name
  FROM employees e JOIN subordinates s ON e.manager_id = s.employee_id
)
SELECT employee_id, name, depth, path FROM subordinates ORDER BY path;
-- the chain of command above Vic
WITH RECURSIVE chain (employee_id, name, manager_id, level) AS (
  SELECT employee_id, name, manager_id, 1 FROM employees WHERE name = 'Vic'
  UNION ALL
  SELECT m.employee_id, m.name, m.manager_id, c.level + 1
  FROM employees m JOIN chain c ON m.employee_id = c.manager_id
)
SELECT level, name FROM chain ORDER BY level;
-- the whole tree from the root, depth-first order via a sortable text path
WITH RECURSIVE tree AS (
  SELECT employee_id, name, 0 AS depth, lpad(employee_id::text, 4, '0') AS path
  FROM employees WHERE manager_id IS NULL
  UNION ALL
  SELECT e.employee_id, e.name, t.depth + 1, t.path || '.' || lpad(e.employee_id::text, 4, '0')
  FROM employees e JOIN tree t ON e.manager_id = t.employee_id
)
SELECT repeat('  ', depth) || name AS org_chart, path FROM tree ORDER BY path;
-- cannot point to a missing manager, neither by INSERT nor by UPDATE
INSERT INTO employees VALUES (9, 'Xan', 'Engineer', 42);
UPDATE employees SET manager_id = 42 WHERE name = 'Tom';
-- changing a referenced employee_id: the FK has no ON UPDATE action
UPDATE employees SET employee_id = 20 WHERE employee_id = 2;
-- SET NULL: when Marcus leaves, Tom and Uma have no manager
DELETE FROM employees WHERE name = 'Marcus';
SELECT employee_id, name, manager_id FROM employees ORDER BY employee_id;
-- deleting a row that references itself
DELETE FROM employees WHERE employee_id = 8;
-- the same hierarchy with ON DELETE CASCADE removes whole subtrees
CREATE TABLE org (id INTEGER PRIMARY KEY, name TEXT, boss INTEGER REFERENCES org ON DELETE CASCADE);
INSERT INTO org VALUES (1, 'root', NULL), (2, 'a', 1), (3, 'b', 1), (4, 'a1', 2), (5, 'a2', 2), (6, 'a1x', 4);
DELETE FROM org WHERE name = 'a';
SELECT * FROM org ORDER BY id;
-- and with NO ACTION a manager with reports cannot be deleted
CREATE TABLE staff (id INTEGER PRIMARY KEY, boss INTEGER REFERENCES staff);
INSERT INTO staff VALUES (1, NULL), (2, 1), (3, 2);
DELETE FROM staff WHERE id = 2;
-- deleting a whole subtree in one statement is fine: no remaining row references a deleted one
DELETE FROM staff WHERE id IN (2, 3);
SELECT * FROM staff ORDER BY id;
-- ON UPDATE CASCADE on a self-reference
CREATE TABLE cats (code TEXT PRIMARY KEY, parent TEXT REFERENCES cats ON UPDATE CASCADE);
INSERT INTO cats VALUES ('root', NULL), ('books', 'root'), ('fiction', 'books'), ('poetry', 'books');
UPDATE cats SET code = 'literature' WHERE code = 'books';
SELECT * FROM cats ORDER BY code;
-- a cycle can be built with UPDATE and then nothing in it can be deleted one by one
CREATE TABLE ring (id INTEGER PRIMARY KEY, next_id INTEGER REFERENCES ring);
INSERT INTO ring VALUES (1, NULL), (2, 1), (3, 2);
UPDATE ring SET next_id = 3 WHERE id = 1;
DELETE FROM ring WHERE id = 1;
DELETE FROM ring;
SELECT count(*) FROM ring;
