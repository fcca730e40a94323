-- NOT NULL and CHECK constraints: column and table level, named and auto-named, NULL passing a
-- CHECK, multi-column checks, the order errors are raised in, Failing row contents (with NULLs,
-- long values cut to 64 bytes), ALTER TABLE ADD CONSTRAINT over existing rows.
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  price NUMERIC(8, 2) CHECK (price > 0),
  discount NUMERIC(3, 2) DEFAULT 0 CONSTRAINT discount_range CHECK (discount BETWEEN 0 AND 1),
  stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  CHECK (price * (1 - discount) >= 1)
);
INSERT INTO products (id, name, price) VALUES (1, 'pen', 2.50);
INSERT INTO products (id, name, price) VALUES (2, NULL, 2.50);
INSERT INTO products (id, name, price) VALUES (2, 'free', 0);
INSERT INTO products (id, name, price, discount) VALUES (2, 'sale', 10, 1.5);
INSERT INTO products (id, name, price, stock) VALUES (2, 'oversold', 10, -1);
INSERT INTO products (id, name, price, discount) VALUES (2, 'too cheap', 1.50, 0.5);
-- a CHECK that evaluates to NULL passes
INSERT INTO products (id, name, price, discount) VALUES (3, 'unpriced', NULL, NULL);
INSERT INTO products (id, name, price, stock) VALUES (4, 'nullstock', 3, NULL);
SELECT * FROM products ORDER BY id;
-- several violations in one row: NOT NULL first, then CHECKs by constraint name
INSERT INTO products (id, name, price, discount, stock) VALUES (5, NULL, -1, 9, -1);
INSERT INTO products (id, name, price, discount, stock) VALUES (5, 'x', -1, 0.5, -1);
-- UPDATE is checked as well
UPDATE products SET price = -price WHERE id = 1;
UPDATE products SET name = NULL;
UPDATE products SET stock = stock - 5 WHERE id = 1;
SELECT id, name, price, stock FROM products ORDER BY id;
-- Failing row contains: NULLs as null, long values cut to 64 bytes with "..."
CREATE TABLE notes (id INTEGER, body TEXT NOT NULL, tag TEXT CHECK (length(tag) < 5));
INSERT INTO notes VALUES (1, NULL, NULL);
INSERT INTO notes VALUES (2, repeat('abcdefghij', 10), 'toolong');
INSERT INTO notes VALUES (3, repeat('é', 40), 'long!');
-- an expression over several columns, named at table level
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  starts DATE NOT NULL,
  ends DATE NOT NULL,
  CONSTRAINT bookings_dates_ordered CHECK (ends > starts)
);
INSERT INTO bookings VALUES (1, '2024-01-10', '2024-01-12');
INSERT INTO bookings VALUES (2, '2024-01-10', '2024-01-10');
INSERT INTO bookings VALUES (3, '2024-01-10', NULL);
-- CHECK with IN and with a boolean column
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'wontfix')),
  urgent BOOLEAN NOT NULL DEFAULT false,
  CHECK (NOT urgent OR status <> 'wontfix')
);
INSERT INTO tickets (id) VALUES (1);
INSERT INTO tickets (id, status) VALUES (2, 'Open');
INSERT INTO tickets (id, status, urgent) VALUES (3, 'wontfix', true);
INSERT INTO tickets (id, status, urgent) VALUES (3, 'closed', true);
SELECT * FROM tickets ORDER BY id;
-- a multi-row INSERT stops at the first bad row and inserts nothing
INSERT INTO tickets (id, status) VALUES (10, 'open'), (11, 'bad'), (12, NULL);
SELECT count(*) FROM tickets;
-- ALTER TABLE: adding NOT NULL and CHECK over existing rows
CREATE TABLE legacy (id INTEGER, qty INTEGER);
INSERT INTO legacy VALUES (1, 5), (2, NULL), (3, -1);
ALTER TABLE legacy ALTER COLUMN qty SET NOT NULL;
ALTER TABLE legacy ADD CHECK (qty >= 0);
ALTER TABLE legacy ADD CONSTRAINT qty_positive CHECK (qty > 0);
UPDATE legacy SET qty = 0 WHERE qty IS NULL OR qty < 0;
ALTER TABLE legacy ALTER COLUMN qty SET NOT NULL;
ALTER TABLE legacy ADD CHECK (qty >= 0);
INSERT INTO legacy VALUES (4, -3);
INSERT INTO legacy VALUES (4, NULL);
ALTER TABLE legacy DROP CONSTRAINT legacy_qty_check;
ALTER TABLE legacy ALTER COLUMN qty DROP NOT NULL;
INSERT INTO legacy VALUES (4, -3), (5, NULL);
SELECT * FROM legacy ORDER BY id;
ALTER TABLE legacy DROP CONSTRAINT no_such_constraint;
ALTER TABLE legacy DROP CONSTRAINT IF EXISTS no_such_constraint;
-- a CHECK must not reference other tables or use subqueries
CREATE TABLE bad_check (a INTEGER CHECK (a IN (SELECT 1)));
-- a CHECK on a column that does not exist
CREATE TABLE bad_check (a INTEGER CHECK (b > 0));
-- DEFAULT values go through the constraints too
CREATE TABLE defaults (a INTEGER DEFAULT -1 CHECK (a >= 0), b TEXT DEFAULT NULL NOT NULL);
INSERT INTO defaults (b) VALUES ('x');
INSERT INTO defaults (a) VALUES (1);
INSERT INTO defaults DEFAULT VALUES;
