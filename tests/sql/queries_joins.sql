-- Joins over foreign keys: inner, LEFT, RIGHT, FULL, CROSS, multiple joins, self-joins with
-- aliases, USING and NATURAL, join conditions with extra predicates, anti- and semi-joins.
CREATE TABLE departments (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  department_id INTEGER REFERENCES departments,
  manager_id INTEGER REFERENCES employees,
  salary NUMERIC(8, 2)
);
CREATE TABLE projects (id INTEGER PRIMARY KEY, title TEXT NOT NULL, department_id INTEGER REFERENCES departments);
CREATE TABLE assignments (
  employee_id INTEGER REFERENCES employees ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects ON DELETE CASCADE,
  hours INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (employee_id, project_id)
);
INSERT INTO departments VALUES (1, 'Engineering'), (2, 'Sales'), (3, 'Legal'), (4, 'Empty');
INSERT INTO employees VALUES
  (1, 'Ada', 1, NULL, 9000), (2, 'Brian', 1, 1, 7000), (3, 'Chen', 1, 2, 6500),
  (4, 'Dana', 2, 1, 5000), (5, 'Eli', 2, 4, 4000), (6, 'Fay', NULL, 1, 3000), (7, 'Gus', 3, NULL, NULL);
INSERT INTO projects VALUES (10, 'Engine', 1), (11, 'Brakes', 1), (12, 'Campaign', 2), (13, 'Orphan', NULL);
INSERT INTO assignments VALUES (1, 10, 20), (2, 10, 30), (2, 11, 10), (3, 11, 40), (4, 12, 25), (5, 12, 5), (6, 10, 8);
-- inner join
SELECT e.name, d.name AS department
FROM employees e
JOIN departments d ON d.id = e.department_id
ORDER BY e.id;
-- LEFT JOIN keeps employees without a department
SELECT e.name, d.name AS department
FROM employees e
LEFT JOIN departments d ON d.id = e.department_id
ORDER BY e.id;
-- RIGHT JOIN keeps departments without employees
SELECT e.name, d.name AS department
FROM employees e
RIGHT JOIN departments d ON d.id = e.department_id
ORDER BY d.id, e.id;
-- FULL JOIN keeps both
SELECT e.name, d.name AS department
FROM employees e
FULL OUTER JOIN departments d ON d.id = e.department_id
ORDER BY d.id NULLS FIRST, e.id;
-- three tables through the junction table
SELECT e.name, p.title, a.hours
FROM assignments a
JOIN employees e ON e.id = a.employee_id
JOIN projects p ON p.id = a.project_id
ORDER BY e.name, p.title;
-- four tables, including the project's department
SELECT e.name, p.title, pd.name AS project_department, ed.name AS employee_department
FROM assignments a
JOIN employees e ON e.id = a.employee_id
JOIN projects p ON p.id = a.project_id
LEFT JOIN departments pd ON pd.id = p.department_id
LEFT JOIN departments ed ON ed.id = e.department_id
WHERE pd.id IS DISTINCT FROM ed.id
ORDER BY e.name, p.title;
-- self-join: employee and manager, and employees earning more than their manager
SELECT e.name AS employee, m.name AS manager
FROM employees AS e
LEFT JOIN employees AS m ON m.id = e.manager_id
ORDER BY e.id;
SELECT e.name, e.salary, m.name AS manager, m.salary AS manager_salary
FROM employees e JOIN employees m ON e.manager_id = m.id
WHERE e.salary > m.salary * 0.9
ORDER BY e.name;
-- colleagues in the same department (each pair once)
SELECT a.name AS first, b.name AS second
FROM employees a JOIN employees b ON a.department_id = b.department_id AND a.id < b.id
ORDER BY a.name, b.name;
-- extra predicate in ON versus WHERE for a LEFT JOIN
SELECT d.name, e.name
FROM departments d LEFT JOIN employees e ON e.department_id = d.id AND e.salary > 6000
ORDER BY d.id, e.id;
SELECT d.name, e.name
FROM departments d LEFT JOIN employees e ON e.department_id = d.id
WHERE e.salary > 6000
ORDER BY d.id, e.id;
-- anti-join: departments with no employees, projects with nobody assigned
SELECT d.name FROM departments d LEFT JOIN employees e ON e.department_id = d.id WHERE e.id IS NULL ORDER BY d.name;
SELECT p.title FROM projects p LEFT JOIN assignments a ON a.project_id = p.id WHERE a.project_id IS NULL ORDER BY p.title;
-- USING and NATURAL
CREATE TABLE dept_budget (department_id INTEGER PRIMARY KEY REFERENCES departments, budget INTEGER);
INSERT INTO dept_budget VALUES (1, 100), (2, 50);
SELECT department_id, e.name, budget FROM employees e JOIN dept_budget USING (department_id) ORDER BY e.id;
SELECT * FROM dept_budget NATURAL JOIN (SELECT id AS department_id, name FROM departments) d ORDER BY department_id;
-- CROSS JOIN and the comma form
SELECT d.name, p.title FROM departments d CROSS JOIN projects p WHERE d.id = 3 ORDER BY p.id;
SELECT count(*) FROM departments, projects;
-- join on a composite key
CREATE TABLE shifts (employee_id INTEGER, project_id INTEGER, day DATE,
  FOREIGN KEY (employee_id, project_id) REFERENCES assignments);
INSERT INTO shifts VALUES (2, 10, '2024-05-01'), (2, 11, '2024-05-02'), (3, 11, '2024-05-02');
INSERT INTO shifts VALUES (3, 10, '2024-05-03');
SELECT e.name, p.title, s.day, a.hours
FROM shifts s
JOIN assignments a ON a.employee_id = s.employee_id AND a.project_id = s.project_id
JOIN employees e ON e.id = a.employee_id
JOIN projects p ON p.id = a.project_id
ORDER BY s.day, e.name;
-- a join referencing a table not yet in scope
SELECT e.name FROM employees e JOIN projects p ON p.id = a.project_id;
