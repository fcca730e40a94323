-- Seed 004 (textbook chapter on keys): candidate and alternate keys, surrogate vs natural keys,
-- composite keys, NULL foreign keys, the four delete behaviours on the customers/orders example,
-- ON UPDATE CASCADE of a natural key, the employees self-reference, and the exercises' schemas.
CREATE TABLE students (
  student_id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,   -- alternate key
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL
);
INSERT INTO students VALUES (1, 'ana@uni.edu', 'Ana', 'Silva'), (2, 'raj@uni.edu', 'Raj', 'Patel');
INSERT INTO students VALUES (3, 'ana@uni.edu', 'Ana', 'Other');
INSERT INTO students VALUES (2, 'new@uni.edu', 'New', 'Student');
-- The same name twice is fine: (first_name, last_name) is not a key
INSERT INTO students VALUES (3, 'ana.silva2@uni.edu', 'Ana', 'Silva');
-- A surrogate key does not change when the email changes
UPDATE students SET email = 'ana.s@uni.edu' WHERE student_id = 1;
SELECT * FROM students ORDER BY student_id;
-- Composite key of a measurement table
CREATE TABLE observations (
  country_code CHAR(3),
  indicator_code TEXT,
  year INTEGER,
  value NUMERIC,
  PRIMARY KEY (country_code, indicator_code, year)
);
INSERT INTO observations VALUES ('BRA', 'POP', 2020, 212.6), ('BRA', 'POP', 2021, 214.3), ('IND', 'POP', 2020, 1396);
INSERT INTO observations VALUES ('BRA', 'POP', 2020, 1);
INSERT INTO observations VALUES ('BRA', NULL, 2020, 1);
SELECT country_code, count(*) AS years, max(value) AS latest FROM observations GROUP BY country_code ORDER BY 1;
-- The orders schema: Alice has orders 1 and 3
CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE products (product TEXT PRIMARY KEY);
INSERT INTO products VALUES ('pen'), ('ink'), ('pad');
-- RESTRICT
CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(customer_id) ON DELETE RESTRICT);
INSERT INTO customers VALUES (1, 'Alice'), (2, 'Bob');
INSERT INTO orders VALUES (1, 1), (2, 2), (3, 1), (4, NULL);
DELETE FROM customers WHERE customer_id = 1;
SELECT * FROM orders ORDER BY order_id;
DROP TABLE orders;
-- CASCADE, with order_items cascading on order deletion
CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(customer_id) ON DELETE CASCADE);
CREATE TABLE order_items (order_id INTEGER REFERENCES orders(order_id) ON DELETE CASCADE,
  product TEXT REFERENCES products(product), quantity INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, product));
INSERT INTO orders VALUES (1, 1), (2, 2), (3, 1), (4, NULL);
INSERT INTO order_items VALUES (1, 'pen', 2), (1, 'ink', 1), (2, 'pad', 5), (3, 'pen', 1);
INSERT INTO order_items VALUES (1, 'pen', 9);
INSERT INTO order_items VALUES (2, 'stapler', 1);
DELETE FROM customers WHERE customer_id = 1;
SELECT * FROM orders ORDER BY order_id;
SELECT * FROM order_items ORDER BY order_id, product;
DROP TABLE order_items, orders;
-- SET NULL
INSERT INTO customers VALUES (1, 'Alice');
CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(customer_id) ON DELETE SET NULL);
INSERT INTO orders VALUES (1, 1), (2, 2), (3, 1);
DELETE FROM customers WHERE customer_id = 1;
SELECT * FROM orders ORDER BY order_id;
DROP TABLE orders;
-- SET DEFAULT: the default must itself reference an existing customer
INSERT INTO customers VALUES (0, 'Unknown customer'), (1, 'Alice');
CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
  customer_id INTEGER DEFAULT 0 REFERENCES customers(customer_id) ON DELETE SET DEFAULT);
INSERT INTO orders VALUES (1, 1), (2, 2), (3, 1);
DELETE FROM customers WHERE customer_id = 1;
SELECT o.order_id, o.customer_id, c.name FROM orders o JOIN customers c USING (customer_id) ORDER BY o.order_id;
DELETE FROM customers WHERE customer_id = 0;
DROP TABLE orders;
-- A guest order: NULL customer_id is allowed unless NOT NULL is declared
CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers);
INSERT INTO orders VALUES (1, NULL);
INSERT INTO orders VALUES (1, 2);
SELECT * FROM orders ORDER BY order_id;
-- ON UPDATE CASCADE matters for natural keys: an ISO code is reassigned
CREATE TABLE countries (iso_code CHAR(2) PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE cities (id SERIAL PRIMARY KEY, name TEXT NOT NULL,
  country_code CHAR(2) NOT NULL REFERENCES countries(iso_code) ON UPDATE CASCADE);
CREATE TABLE airports (code CHAR(3) PRIMARY KEY,
  country_code CHAR(2) REFERENCES countries(iso_code));
INSERT INTO countries VALUES ('BU', 'Burma'), ('ZR', 'Zaire');
INSERT INTO cities (name, country_code) VALUES ('Yangon', 'BU'), ('Mandalay', 'BU'), ('Kinshasa', 'ZR');
UPDATE countries SET iso_code = 'MM', name = 'Myanmar' WHERE iso_code = 'BU';
SELECT c.name, c.country_code, k.name AS country FROM cities c JOIN countries k ON k.iso_code = c.country_code ORDER BY c.id;
INSERT INTO airports VALUES ('FIH', 'ZR');
UPDATE countries SET iso_code = 'CD' WHERE iso_code = 'ZR';
SELECT * FROM countries ORDER BY iso_code;
-- Employee reporting structure (self-reference), ON DELETE SET NULL
CREATE TABLE employees (
  employee_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  manager_id INTEGER REFERENCES employees(employee_id) ON DELETE SET NULL
);
INSERT INTO employees VALUES (1, 'Sandra', NULL), (2, 'Marcus', 1), (3, 'Priya', 1), (4, 'Tom', 2);
INSERT INTO employees VALUES (5, 'Ghost', 99);
SELECT e.name AS employee, m.name AS manager
FROM employees e
LEFT JOIN employees m ON m.employee_id = e.manager_id
ORDER BY e.employee_id;
DELETE FROM employees WHERE name = 'Marcus';
SELECT * FROM employees ORDER BY employee_id;
-- Exercise 2: course_id surrogate key, course_code alternate key
CREATE TABLE courses (course_id SERIAL PRIMARY KEY, course_code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL, department_code TEXT NOT NULL, credit_hours INTEGER CHECK (credit_hours > 0));
INSERT INTO courses (course_code, title, department_code, credit_hours) VALUES ('CS101', 'Intro', 'CS', 4);
INSERT INTO courses (course_code, title, department_code, credit_hours) VALUES ('CS101', 'Intro again', 'CS', 4);
INSERT INTO courses (course_code, title, department_code, credit_hours) VALUES ('CS102', 'Zero', 'CS', 0);
-- Exercise 6: hospital schema
CREATE TABLE patients (patient_id SERIAL PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
  date_of_birth DATE NOT NULL, national_health_id TEXT UNIQUE);
CREATE TABLE doctors (doctor_id SERIAL PRIMARY KEY, name TEXT NOT NULL,
  license_number TEXT NOT NULL UNIQUE, specialty TEXT);
CREATE TABLE appointments (
  patient_id INTEGER NOT NULL REFERENCES patients(patient_id) ON DELETE RESTRICT,
  doctor_id INTEGER REFERENCES doctors(doctor_id) ON DELETE SET NULL,
  seen_at TIMESTAMP NOT NULL,
  UNIQUE (patient_id, seen_at));
INSERT INTO patients (first_name, last_name, date_of_birth, national_health_id) VALUES
  ('Mia', 'Chen', '1990-04-12', 'NH-1'), ('Leo', 'Ruiz', '1985-12-01', NULL);
INSERT INTO doctors (name, license_number, specialty) VALUES ('Dr. Okafor', 'L-77', 'cardiology');
INSERT INTO appointments VALUES (1, 1, '2024-05-01 09:00'), (2, 1, '2024-05-01 09:00'), (1, NULL, '2024-05-02 10:15');
INSERT INTO appointments VALUES (1, 1, '2024-05-01 09:00');
DELETE FROM doctors WHERE doctor_id = 1;
DELETE FROM patients WHERE patient_id = 2;
SELECT p.first_name, a.doctor_id, a.seen_at FROM appointments a JOIN patients p USING (patient_id)
ORDER BY a.seen_at, p.first_name;
