-- Queries, violations and cascades over Northwind's keys, run after the dump loads.
-- Outputs are compared line by line with PostgreSQL 15's (tests/Tenon.Tests/Datasets).

SELECT 'categories' AS t, count(*) FROM categories UNION ALL
SELECT 'customers', count(*) FROM customers UNION ALL
SELECT 'employees', count(*) FROM employees UNION ALL
SELECT 'employee_territories', count(*) FROM employee_territories UNION ALL
SELECT 'order_details', count(*) FROM order_details UNION ALL
SELECT 'orders', count(*) FROM orders UNION ALL
SELECT 'products', count(*) FROM products UNION ALL
SELECT 'region', count(*) FROM region UNION ALL
SELECT 'shippers', count(*) FROM shippers UNION ALL
SELECT 'suppliers', count(*) FROM suppliers UNION ALL
SELECT 'territories', count(*) FROM territories UNION ALL
SELECT 'us_states', count(*) FROM us_states;

-- bytea columns survive the load.
SELECT category_id, category_name, length(picture) AS picture_bytes FROM categories ORDER BY category_id;
SELECT employee_id, last_name, length(photo) AS photo_bytes, md5(photo) AS photo_md5, substr(photo, 1, 8) AS head
FROM employees ORDER BY employee_id;

-- Joins along the keys.
SELECT o.order_id, c.company_name, e.last_name AS employee, s.company_name AS shipper, o.order_date, o.freight
FROM orders o
JOIN customers c ON c.customer_id = o.customer_id
JOIN employees e ON e.employee_id = o.employee_id
JOIN shippers s ON s.shipper_id = o.ship_via
ORDER BY o.order_id
LIMIT 10;

-- Top-N: customers by revenue, products by quantity.
SELECT c.customer_id, c.company_name,
       round(sum(od.unit_price * od.quantity * (1 - od.discount))::numeric, 2) AS revenue,
       count(DISTINCT o.order_id) AS orders
FROM customers c
JOIN orders o ON o.customer_id = c.customer_id
JOIN order_details od ON od.order_id = o.order_id
GROUP BY c.customer_id, c.company_name
ORDER BY revenue DESC, c.customer_id
LIMIT 10;

SELECT p.product_id, p.product_name, cat.category_name, sum(od.quantity) AS units
FROM products p
JOIN categories cat ON cat.category_id = p.category_id
JOIN order_details od ON od.product_id = p.product_id
GROUP BY p.product_id, p.product_name, cat.category_name
ORDER BY units DESC, p.product_id
LIMIT 10;

-- Counts per foreign key.
SELECT cat.category_id, cat.category_name, count(p.product_id) AS products, sum(p.units_in_stock) AS stock
FROM categories cat LEFT JOIN products p ON p.category_id = cat.category_id
GROUP BY cat.category_id, cat.category_name ORDER BY cat.category_id;

SELECT s.supplier_id, s.country, count(p.product_id) AS products
FROM suppliers s LEFT JOIN products p ON p.supplier_id = s.supplier_id
GROUP BY s.supplier_id, s.country ORDER BY products DESC, s.supplier_id LIMIT 10;

SELECT e.employee_id, e.first_name, e.last_name, m.last_name AS manager,
       count(DISTINCT o.order_id) AS orders, count(DISTINCT et.territory_id) AS territories
FROM employees e
LEFT JOIN employees m ON m.employee_id = e.reports_to
LEFT JOIN orders o ON o.employee_id = e.employee_id
LEFT JOIN employee_territories et ON et.employee_id = e.employee_id
GROUP BY e.employee_id, e.first_name, e.last_name, m.last_name
ORDER BY e.employee_id;

SELECT r.region_id, r.region_description, count(t.territory_id) AS territories
FROM region r LEFT JOIN territories t ON t.region_id = r.region_id
GROUP BY r.region_id, r.region_description ORDER BY r.region_id;

SELECT count(*) AS customers_without_orders
FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id);

SELECT extract(year FROM order_date) AS year, count(*) AS orders, round(sum(freight)::numeric, 2) AS freight
FROM orders GROUP BY 1 ORDER BY 1;

SELECT ship_country, count(*) FROM orders WHERE shipped_date IS NULL GROUP BY ship_country ORDER BY 2 DESC, 1;

-- Violations: orphans, duplicate keys, NOT NULL, referenced parents.
INSERT INTO orders (order_id, customer_id, employee_id, ship_via) VALUES (30000, 'NOONE', 1, 1);
INSERT INTO orders (order_id, customer_id, employee_id, ship_via) VALUES (30000, 'ALFKI', 1, 9);
INSERT INTO order_details VALUES (10248, 999, 1, 1, 0);
INSERT INTO order_details VALUES (10248, 11, 14, 12, 0);
INSERT INTO customers (customer_id, company_name) VALUES ('ALFKI', 'Again');
INSERT INTO products (product_id, product_name) VALUES (100, NULL);
INSERT INTO territories VALUES ('99999', 'Nowhere', 9);
DELETE FROM customers WHERE customer_id = 'ALFKI';
DELETE FROM shippers WHERE shipper_id = 1;
DELETE FROM orders WHERE order_id = 10248;
DELETE FROM region WHERE region_id = 1;
DELETE FROM employees WHERE employee_id = 2;
UPDATE customers SET customer_id = 'ZZZZZ' WHERE customer_id = 'ALFKI';
UPDATE products SET category_id = 99 WHERE product_id = 1;
UPDATE employees SET reports_to = 77 WHERE employee_id = 1;
SELECT count(*) FROM orders WHERE order_id = 30000;

-- Deletes and updates inside transactions, rolled back.
BEGIN;
DELETE FROM order_details WHERE order_id IN (SELECT order_id FROM orders WHERE customer_id = 'ALFKI');
DELETE FROM orders WHERE customer_id = 'ALFKI';
DELETE FROM customer_customer_demo WHERE customer_id = 'ALFKI';
DELETE FROM customers WHERE customer_id = 'ALFKI';
SELECT count(*) FROM customers;
SELECT count(*) FROM orders;
SELECT count(*) FROM order_details;
ROLLBACK;
SELECT count(*) FROM customers;
SELECT count(*) FROM order_details;

-- Cascading keys inside a transaction.
BEGIN;
ALTER TABLE orders DROP CONSTRAINT fk_orders_customers;
ALTER TABLE orders ADD CONSTRAINT fk_orders_customers FOREIGN KEY (customer_id) REFERENCES customers ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE order_details DROP CONSTRAINT fk_order_details_orders;
ALTER TABLE order_details ADD CONSTRAINT fk_order_details_orders FOREIGN KEY (order_id) REFERENCES orders ON DELETE CASCADE;
UPDATE customers SET customer_id = 'ZZZZZ' WHERE customer_id = 'ALFKI';
SELECT order_id, customer_id FROM orders WHERE customer_id IN ('ALFKI', 'ZZZZZ') ORDER BY order_id;
DELETE FROM customers WHERE customer_id = 'ZZZZZ';
SELECT count(*) AS orders_without_customer FROM orders WHERE customer_id IS NULL;
DELETE FROM orders WHERE customer_id IS NULL;
SELECT count(*) FROM orders;
SELECT count(*) FROM order_details;
ROLLBACK;
SELECT count(*) FROM orders WHERE customer_id = 'ALFKI';
SELECT count(*) FROM order_details;

-- Aborted transaction, then a savepoint.
BEGIN;
UPDATE products SET unit_price = unit_price * 1.1 WHERE category_id = 1;
SAVEPOINT s;
DELETE FROM categories WHERE category_id = 1;
ROLLBACK TO SAVEPOINT s;
SELECT product_id, unit_price FROM products WHERE category_id = 1 ORDER BY product_id;
ROLLBACK;
SELECT product_id, unit_price FROM products WHERE category_id = 1 ORDER BY product_id;
