-- Seed 001 (Node.js ShopFlow tutorial): users, orders, products, order_items and categories,
-- every SQL example made runnable, with the errors the tutorial quotes.
CREATE TABLE users (
id SERIAL PRIMARY KEY,
name TEXT NOT NULL,
email TEXT NOT NULL UNIQUE
);
-- orders.user_id -> users.id: block deletion of users with orders, propagate id changes
CREATE TABLE orders (
id SERIAL PRIMARY KEY,
user_id INTEGER NOT NULL,
status TEXT NOT NULL DEFAULT 'pending',
CONSTRAINT fk_orders_user
FOREIGN KEY (user_id)
REFERENCES users(id)
ON DELETE RESTRICT
ON UPDATE CASCADE -- if a user's id changes (rare), propagate it
);
CREATE TABLE products (
id SERIAL PRIMARY KEY,
name TEXT NOT NULL,
price NUMERIC(10, 2) NOT NULL,
category TEXT
);
-- Full order_items table with all FK constraints
CREATE TABLE order_items (
id SERIAL PRIMARY KEY,
order_id INTEGER NOT NULL,
product_id INTEGER NOT NULL,
quantity INTEGER NOT NULL CHECK (quantity > 0),
price_at_purchase NUMERIC(10, 2) NOT NULL CHECK (price_at_purchase >= 0),
UNIQUE (order_id, product_id),
CONSTRAINT fk_order_items_order
FOREIGN KEY (order_id) REFERENCES orders(id)
ON DELETE CASCADE ON UPDATE CASCADE,
CONSTRAINT fk_order_items_product
FOREIGN KEY (product_id) REFERENCES products(id)
ON DELETE RESTRICT ON UPDATE CASCADE
);
-- These indexes should be created for every FK column
CREATE INDEX idx_orders_user_id ON orders(user_id);
CREATE INDEX idx_order_items_order_id ON order_items(order_id);
CREATE INDEX idx_order_items_product_id ON order_items(product_id);
INSERT INTO users (name, email) VALUES
('Ada', 'ada@shopflow.test'), ('Ben', 'ben@shopflow.test'), ('Cy', 'cy@shopflow.test');
INSERT INTO users (name, email) VALUES ('Ada Again', 'ada@shopflow.test');
INSERT INTO products (name, price, category) VALUES
('Laptop', 1299.00, 'Electronics'), ('Mouse', 25.50, 'Accessories'),
('Cable', 9.99, 'Accessories'), ('Desk', 350.00, 'Furniture');
INSERT INTO orders (user_id) VALUES (1), (1), (2);
INSERT INTO orders (user_id, status) VALUES (3, 'shipped');
INSERT INTO orders (user_id) VALUES (42);
INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES
(1, 1, 1, 1299.00), (1, 2, 2, 25.50), (2, 3, 3, 9.99), (3, 2, 1, 24.00), (4, 4, 1, 350.00);
INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES (1, 1, 1, 1299.00);
INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES (2, 1, 0, 10);
INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES (2, 1, 1, -1);
INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES (2, 99, 1, 1);
-- RESTRICT: blocked, user 1 has orders
DELETE FROM users WHERE id = 1;
-- RESTRICT on products: order history keeps the product
DELETE FROM products WHERE id = 2;
-- CASCADE: deleting order 1 deletes its order_items
DELETE FROM orders WHERE id = 1;
SELECT order_id, product_id, quantity FROM order_items ORDER BY order_id, product_id;
-- ON UPDATE CASCADE propagates a changed key
UPDATE users SET id = 20 WHERE id = 2;
UPDATE orders SET id = 30 WHERE id = 3;
UPDATE products SET id = 40 WHERE id = 4;
SELECT id, user_id, status FROM orders ORDER BY id;
SELECT order_id, product_id, quantity, price_at_purchase FROM order_items ORDER BY order_id, product_id;
-- Join across the relationships
SELECT u.name, o.id AS order_id, p.name AS product, oi.quantity, oi.quantity * oi.price_at_purchase AS line_total
FROM users u
JOIN orders o ON o.user_id = u.id
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
ORDER BY u.name, o.id, p.name;
-- Troubleshooting option 1: delete children first, then parent
-- (the tutorial's EXPLAIN ANALYZE is left out: its output carries timings)
DELETE FROM orders WHERE user_id = 1;
DELETE FROM users WHERE id = 1;
-- Option 3: use a transaction to do it safely
BEGIN;
DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE user_id = 20);
DELETE FROM orders WHERE user_id = 20;
DELETE FROM users WHERE id = 20;
COMMIT;
SELECT id, name FROM users ORDER BY id;
-- Hands-on challenge: categories, SET NULL, index, data migration
CREATE TABLE categories (
id SERIAL PRIMARY KEY,
name TEXT NOT NULL UNIQUE,
slug TEXT NOT NULL UNIQUE -- URL-friendly identifier
);
ALTER TABLE products
ADD COLUMN category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL;
CREATE INDEX idx_products_category_id ON products(category_id);
INSERT INTO categories (name, slug) VALUES
('Electronics', 'electronics'),
('Accessories', 'accessories');
INSERT INTO categories (name, slug) VALUES ('Gadgets', 'electronics');
UPDATE products
SET category_id = (SELECT id FROM categories WHERE name = products.category)
WHERE category IN ('Electronics', 'Accessories');
SELECT id, name, category, category_id FROM products ORDER BY id;
UPDATE products SET category_id = 7 WHERE id = 1;
DELETE FROM categories WHERE name = 'Electronics';
SELECT id, name, category_id FROM products ORDER BY id;
ALTER TABLE products DROP COLUMN category;
SELECT * FROM products ORDER BY id;
-- Adding a FK to a table whose data violates it fails; NOT VALID skips existing rows
CREATE TABLE legacy_orders (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL);
INSERT INTO legacy_orders (user_id) VALUES (3), (77);
ALTER TABLE legacy_orders
ADD CONSTRAINT fk_legacy_orders_user FOREIGN KEY (user_id) REFERENCES users(id);
ALTER TABLE legacy_orders
ADD CONSTRAINT fk_legacy_orders_user FOREIGN KEY (user_id) REFERENCES users(id)
NOT VALID;
INSERT INTO legacy_orders (user_id) VALUES (78);
ALTER TABLE legacy_orders VALIDATE CONSTRAINT fk_legacy_orders_user;
DELETE FROM legacy_orders WHERE user_id = 77;
ALTER TABLE legacy_orders VALIDATE CONSTRAINT fk_legacy_orders_user;
SELECT * FROM legacy_orders ORDER BY id;
-- The tutorial's other variants: the column-level one-to-many form, the short junction table,
-- SET DEFAULT with a fallback user, and ON DELETE CASCADE ON UPDATE RESTRICT
CREATE TABLE orders2 (
id SERIAL PRIMARY KEY,
user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
status TEXT NOT NULL DEFAULT 'pending'
);
CREATE TABLE order_items2 (
id SERIAL PRIMARY KEY,
order_id INTEGER NOT NULL REFERENCES orders2(id) ON DELETE CASCADE,
product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
quantity INTEGER NOT NULL CHECK (quantity > 0),
price_at_purchase NUMERIC(10, 2) NOT NULL,
UNIQUE (order_id, product_id)
);
INSERT INTO users (id, name, email) VALUES (1, 'Fallback', 'fallback@shopflow.test'),
(10, 'Gil', 'gil@shopflow.test'), (12, 'Hal', 'hal@shopflow.test');
CREATE TABLE tasks (
id SERIAL PRIMARY KEY,
assigned_to INTEGER DEFAULT 1 REFERENCES users(id) ON DELETE SET DEFAULT,
owner_id INTEGER,
CONSTRAINT fk_tasks_owner
FOREIGN KEY (owner_id) REFERENCES users(id)
ON DELETE CASCADE
ON UPDATE RESTRICT
);
INSERT INTO orders2 (user_id) VALUES (3);
INSERT INTO order_items2 (order_id, product_id, quantity, price_at_purchase) VALUES (1, 3, 2, 9.99);
INSERT INTO order_items2 (order_id, product_id, quantity, price_at_purchase) VALUES (1, 3, 1, 9.99);
DELETE FROM orders2;
SELECT count(*) FROM order_items2;
INSERT INTO tasks (assigned_to, owner_id) VALUES (10, NULL), (NULL, 12), (1, NULL);
-- ON UPDATE RESTRICT: Hal owns a task
UPDATE users SET id = 13 WHERE id = 12;
-- SET DEFAULT: Gil's task goes to the fallback user 1
DELETE FROM users WHERE id = 10;
SELECT * FROM tasks ORDER BY id;
-- CASCADE: Hal's task goes with him
DELETE FROM users WHERE id = 12;
SELECT * FROM tasks ORDER BY id;
-- the fallback user itself cannot go: SET DEFAULT would point back at the deleted row
DELETE FROM users WHERE id = 1;
SELECT * FROM tasks ORDER BY id;
