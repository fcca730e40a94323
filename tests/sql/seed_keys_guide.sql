-- Seed 002 (keys guide): natural and surrogate keys, UUIDs, foreign keys with each ON DELETE,
-- composite keys, junction tables, UNIQUE and CHECK constraints.
-- Natural key: using email (it's already unique)
CREATE TABLE users (
email VARCHAR(255) PRIMARY KEY,
name VARCHAR(100)
);
INSERT INTO users VALUES ('manish@example.com', 'Manish'), ('rita@example.com', NULL);
INSERT INTO users VALUES ('manish@example.com', 'Other Manish');
INSERT INTO users VALUES (NULL, 'Nobody');
SELECT * FROM users ORDER BY email;
DROP TABLE users;
-- Surrogate key: auto-incrementing integer
CREATE TABLE users (
id SERIAL PRIMARY KEY, -- 1, 2, 3, 4...
email VARCHAR(255) UNIQUE,
name VARCHAR(100)
);
INSERT INTO users (email, name) VALUES ('a@x.io', 'A'), (NULL, 'B'), (NULL, 'C');
INSERT INTO users (email, name) VALUES ('a@x.io', 'A2');
SELECT * FROM users ORDER BY id;
DROP TABLE users;
-- Surrogate key: UUID
CREATE TABLE users (
id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
email VARCHAR(255) UNIQUE,
name VARCHAR(100)
);
INSERT INTO users (email, name) VALUES ('u1@x.io', 'U1'), ('u2@x.io', 'U2');
SELECT count(*) AS n, count(DISTINCT id) AS distinct_ids FROM users;
DROP TABLE users;
-- Foreign keys
CREATE TABLE users (
id SERIAL PRIMARY KEY,
name VARCHAR(100)
);
CREATE TABLE orders (
id SERIAL PRIMARY KEY,
user_id INT NOT NULL,
total DECIMAL(10,2),
-- Foreign key constraint
CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users(id)
);
-- This WORKS (user 1 exists)
INSERT INTO users (id, name) VALUES (1, 'Manish');
INSERT INTO orders (user_id, total) VALUES (1, 99.99);
-- This FAILS (user 999 doesn't exist)
INSERT INTO orders (user_id, total) VALUES (999, 49.99);
SELECT * FROM orders ORDER BY id;
-- The explicit id 1 did not advance users_id_seq, so the next default collides
INSERT INTO users (name) VALUES ('Second');
INSERT INTO users (name) VALUES ('Third');
SELECT * FROM users ORDER BY id;
-- ON DELETE behaviour, one table per action
CREATE TABLE orders_restrict (id SERIAL PRIMARY KEY, user_id INT,
FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE RESTRICT);
CREATE TABLE orders_cascade (id SERIAL PRIMARY KEY, user_id INT,
FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE orders_set_null (id SERIAL PRIMARY KEY, user_id INT,
FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL);
CREATE TABLE orders_set_default (id SERIAL PRIMARY KEY, user_id INT DEFAULT 1,
FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET DEFAULT);
CREATE TABLE orders_both (id SERIAL PRIMARY KEY, user_id INT,
FOREIGN KEY (user_id) REFERENCES users(id)
ON DELETE CASCADE
ON UPDATE CASCADE);
INSERT INTO orders_restrict (user_id) VALUES (2);
INSERT INTO orders_cascade (user_id) VALUES (2), (2);
INSERT INTO orders_set_null (user_id) VALUES (2);
INSERT INTO orders_set_default (user_id) VALUES (2);
INSERT INTO orders_both (user_id) VALUES (2);
-- "Can't delete this user — they have orders!"
DELETE FROM users WHERE id = 2;
DELETE FROM orders_restrict;
DELETE FROM users WHERE id = 2;
SELECT 'cascade' AS t, count(*) FROM orders_cascade
UNION ALL SELECT 'set null', count(*) FROM orders_set_null WHERE user_id IS NULL
UNION ALL SELECT 'set default', count(*) FROM orders_set_default WHERE user_id = 1
UNION ALL SELECT 'both', count(*) FROM orders_both
ORDER BY t;
-- If user's id changes, update all orders that reference it
INSERT INTO orders_both (user_id) VALUES (1);
UPDATE users SET id = 100 WHERE id = 1;
DELETE FROM orders WHERE user_id = 1;
UPDATE users SET id = 100 WHERE id = 1;
DELETE FROM orders_set_default;
UPDATE users SET id = 100 WHERE id = 1;
SELECT * FROM orders_both ORDER BY id;
-- Composite keys and junction tables
CREATE TABLE students (
id SERIAL PRIMARY KEY,
name VARCHAR(100)
);
CREATE TABLE courses (
id SERIAL PRIMARY KEY,
title VARCHAR(200)
);
CREATE TABLE enrollments (
student_id INT REFERENCES students(id),
course_id INT REFERENCES courses(id),
enrolled_at TIMESTAMP DEFAULT NOW(),
grade CHAR(2),
PRIMARY KEY (student_id, course_id) -- composite key
);
INSERT INTO students (name) VALUES ('Student One'), ('Student Two');
INSERT INTO courses (id, title) VALUES (101, 'Databases'), (102, 'Networks');
-- Student 1 can enroll in Course 101 and Course 102
INSERT INTO enrollments (student_id, course_id, grade) VALUES (1, 101, 'A'), (1, 102, 'B+');
-- But Student 1 can't enroll in Course 101 twice
INSERT INTO enrollments (student_id, course_id) VALUES (1, 101);
INSERT INTO enrollments (student_id, course_id, enrolled_at) VALUES (NULL, 101, '2024-09-01 09:30');
INSERT INTO enrollments (student_id, course_id, grade) VALUES (2, 101, 'A++');
SELECT student_id, course_id, grade, grade || '|' AS padded FROM enrollments ORDER BY 1, 2;
-- Junction table: the "glue" between them
CREATE TABLE student_courses (
student_id INT REFERENCES students(id) ON DELETE CASCADE,
course_id INT REFERENCES courses(id) ON DELETE CASCADE,
enrolled_at TIMESTAMP DEFAULT NOW(),
PRIMARY KEY (student_id, course_id)
);
INSERT INTO courses (id, title) VALUES (1, 'Algebra'), (2, 'Biology');
-- Enroll student 1 in courses 1 and 2
INSERT INTO student_courses (student_id, course_id) VALUES (1, 1);
INSERT INTO student_courses (student_id, course_id) VALUES (1, 2);
INSERT INTO student_courses (student_id, course_id) VALUES (2, 2);
-- Find all courses for a student
SELECT c.title
FROM courses c
JOIN student_courses sc ON c.id = sc.course_id
WHERE sc.student_id = 1
ORDER BY c.title;
DELETE FROM courses WHERE id = 2;
SELECT student_id, course_id FROM student_courses ORDER BY 1, 2;
-- Unique constraints
CREATE TABLE people (
id SERIAL PRIMARY KEY,
email VARCHAR(255) UNIQUE, -- single column unique
username VARCHAR(50) UNIQUE,
first_name TEXT,
last_name TEXT,
UNIQUE (first_name, last_name) -- composite unique (rare)
);
INSERT INTO people (email, username, first_name, last_name) VALUES
('p1@x.io', 'p1', 'Ada', 'Lovelace'), (NULL, NULL, 'Ada', NULL), (NULL, NULL, 'Ada', NULL);
INSERT INTO people (email, username, first_name, last_name) VALUES ('p2@x.io', 'p1', 'Alan', 'Turing');
INSERT INTO people (email, username, first_name, last_name) VALUES ('p3@x.io', 'p3', 'Ada', 'Lovelace');
SELECT id, email, username, first_name, last_name FROM people ORDER BY id;
-- Check constraints
CREATE TABLE products (
id SERIAL PRIMARY KEY,
name VARCHAR(100) NOT NULL,
price DECIMAL(10,2) CHECK (price > 0), -- must be positive
discount DECIMAL(3,2) CHECK (discount BETWEEN 0 AND 1), -- 0-100%
status VARCHAR(20) CHECK (status IN ('active', 'archived', 'draft'))
);
INSERT INTO products (name, price, discount, status) VALUES ('Pen', 1.50, 0.10, 'active');
INSERT INTO products (name, price, discount, status) VALUES ('Free', 0, 0, 'active');
INSERT INTO products (name, price, discount, status) VALUES ('Big', 5, 1.5, 'active');
INSERT INTO products (name, price, discount, status) VALUES ('Odd', 5, 0.5, 'sold');
INSERT INTO products (name, price, discount, status) VALUES ('Nulls', NULL, NULL, NULL);
INSERT INTO products (name, price, discount, status) VALUES ('Wide', 5, 12.5, 'draft');
SELECT * FROM products ORDER BY id;
