-- DDL around keys: CREATE TABLE IF NOT EXISTS (NOTICE), DROP TABLE [IF EXISTS] [CASCADE],
-- CREATE [UNIQUE] INDEX [IF NOT EXISTS], DROP INDEX [IF EXISTS], indexes on FK columns,
-- index name collisions (42P07), ALTER TABLE ADD/DROP COLUMN and constraints, TRUNCATE.
CREATE TABLE customers (id SERIAL PRIMARY KEY, email TEXT NOT NULL, name TEXT);
CREATE TABLE IF NOT EXISTS customers (id INTEGER);
CREATE TABLE IF NOT EXISTS suppliers (id SERIAL PRIMARY KEY, name TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS suppliers (id SERIAL PRIMARY KEY, name TEXT UNIQUE);
CREATE TABLE orders (id SERIAL PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers, total NUMERIC(10, 2));
-- indexes on foreign key columns (PostgreSQL does not create them)
CREATE INDEX idx_orders_customer_id ON orders (customer_id);
CREATE INDEX idx_orders_customer_id ON orders (customer_id);
CREATE INDEX IF NOT EXISTS idx_orders_customer_id ON orders (customer_id);
CREATE INDEX ON orders (total);
CREATE INDEX orders_customer_total_idx ON orders (customer_id, total DESC);
-- an index name shares the namespace with tables
CREATE INDEX customers ON orders (total);
CREATE TABLE idx_orders_customer_id (x INTEGER);
-- an index on a missing column or table
CREATE INDEX bad_idx ON orders (no_such_column);
CREATE INDEX bad_idx ON no_such_table (id);
-- unique indexes enforce uniqueness like constraints
CREATE UNIQUE INDEX customers_email_key ON customers (email);
INSERT INTO customers (email, name) VALUES ('a@x', 'A'), ('b@x', 'B');
INSERT INTO customers (email, name) VALUES ('a@x', 'A again');
CREATE UNIQUE INDEX IF NOT EXISTS customers_email_key ON customers (email);
-- a composite unique index, and a partial one
CREATE TABLE memberships (customer_id INTEGER REFERENCES customers, club TEXT, active BOOLEAN NOT NULL DEFAULT true);
CREATE UNIQUE INDEX memberships_uq ON memberships (customer_id, club);
CREATE UNIQUE INDEX memberships_one_active ON memberships (customer_id) WHERE active;
INSERT INTO memberships VALUES (1, 'golf', true), (1, 'chess', false), (2, 'golf', true);
INSERT INTO memberships VALUES (1, 'golf', false);
INSERT INTO memberships VALUES (1, 'tennis', true);
INSERT INTO memberships VALUES (1, 'tennis', false);
SELECT customer_id, club, active FROM memberships ORDER BY customer_id, club;
-- the FK needs a unique index or constraint on the referenced columns: a unique index is enough
CREATE TABLE by_email (email TEXT REFERENCES customers (email));
INSERT INTO by_email VALUES ('a@x');
INSERT INTO by_email VALUES ('z@x');
-- but a partial unique index is not
CREATE TABLE by_club (customer_id INTEGER REFERENCES memberships (customer_id));
-- dropping indexes
DROP INDEX orders_total_idx;
DROP INDEX orders_total_idx;
DROP INDEX IF EXISTS orders_total_idx;
DROP INDEX idx_orders_customer_id, orders_customer_total_idx;
-- an index that backs a constraint cannot be dropped directly
DROP INDEX customers_pkey;
-- the FK from by_email depends on the unique index
DROP INDEX customers_email_key;
DROP INDEX customers_email_key CASCADE;
INSERT INTO by_email VALUES ('z@x');
-- ALTER TABLE ADD COLUMN with constraints, DROP COLUMN
ALTER TABLE orders ADD COLUMN code TEXT UNIQUE;
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid'));
ALTER TABLE orders ADD COLUMN IF NOT EXISTS status TEXT;
ALTER TABLE orders ADD COLUMN status TEXT;
INSERT INTO orders (customer_id, total, code) VALUES (1, 10, 'A'), (2, 20, 'B');
INSERT INTO orders (customer_id, total, code) VALUES (1, 30, 'A');
INSERT INTO orders (customer_id, total, code, status) VALUES (1, 30, 'C', 'lost');
SELECT id, customer_id, total, code, status FROM orders ORDER BY id;
ALTER TABLE orders DROP COLUMN code;
ALTER TABLE orders DROP COLUMN code;
ALTER TABLE orders DROP COLUMN IF EXISTS code;
SELECT * FROM orders ORDER BY id;
-- dropping a referenced column needs CASCADE
ALTER TABLE customers DROP COLUMN id;
-- adding and dropping a foreign key afterwards
ALTER TABLE memberships DROP CONSTRAINT memberships_customer_id_fkey;
INSERT INTO memberships VALUES (99, 'ghost', false);
ALTER TABLE memberships ADD CONSTRAINT memberships_customer_fk FOREIGN KEY (customer_id) REFERENCES customers ON DELETE CASCADE;
DELETE FROM memberships WHERE customer_id = 99;
ALTER TABLE memberships ADD CONSTRAINT memberships_customer_fk FOREIGN KEY (customer_id) REFERENCES customers ON DELETE CASCADE;
-- TRUNCATE of a referenced table
TRUNCATE customers;
TRUNCATE customers, orders, memberships, by_email;
SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders;
-- DROP TABLE: several at once, IF EXISTS with a mix, and dependencies
DROP TABLE IF EXISTS no_such_1, suppliers, no_such_2;
DROP TABLE customers;
DROP TABLE customers CASCADE;
DROP TABLE orders, memberships, by_email;
SELECT count(*) FROM customers;
-- DROP TABLE of something that is not a table
CREATE SEQUENCE a_sequence;
DROP TABLE a_sequence;
CREATE TABLE t1 (id INTEGER PRIMARY KEY);
DROP TABLE t1_pkey;
DROP INDEX t1;
