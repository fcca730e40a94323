-- Aggregation over related tables: count(*)/count(col)/count(DISTINCT), sum/avg/min/max with
-- NULLs and empty input, GROUP BY on one or more columns and expressions, HAVING, DISTINCT,
-- ordering by aggregates and by position, aggregates over joins (orders per customer).
CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT NOT NULL, city TEXT);
CREATE TABLE orders (
  id SERIAL PRIMARY KEY,
  customer_id INTEGER REFERENCES customers ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  total NUMERIC(10, 2),
  placed DATE NOT NULL
);
INSERT INTO customers (name, city) VALUES
  ('Alice', 'Lisbon'), ('Bob', 'Porto'), ('Carol', 'Lisbon'), ('Dave', NULL), ('Erin', 'Porto');
INSERT INTO orders (customer_id, status, total, placed) VALUES
  (1, 'paid', 120.00, '2024-01-05'), (1, 'paid', 80.50, '2024-01-20'), (1, 'pending', NULL, '2024-02-01'),
  (2, 'paid', 45.25, '2024-01-11'), (2, 'cancelled', 10.00, '2024-02-14'),
  (3, 'paid', 300.00, '2024-02-02'), (NULL, 'paid', 15.00, '2024-02-03'), (5, 'pending', 60.00, '2024-03-01');
-- whole-table aggregates
SELECT count(*) AS orders, count(total) AS with_total, count(DISTINCT customer_id) AS customers,
       sum(total) AS revenue, avg(total) AS average, min(total) AS smallest, max(total) AS largest
FROM orders;
-- on an empty input: count is 0, the others are NULL
SELECT count(*) AS n, sum(total) AS s, avg(total) AS a, max(placed) AS latest FROM orders WHERE status = 'refunded';
-- GROUP BY with ORDER BY on the group key
SELECT status, count(*) AS n, sum(total) AS total FROM orders GROUP BY status ORDER BY status;
-- GROUP BY a foreign key, joined to the parent for the name
SELECT c.name, count(o.id) AS orders, coalesce(sum(o.total), 0) AS spent
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name
ORDER BY spent DESC, c.name;
-- HAVING filters groups
SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id HAVING count(*) > 1 ORDER BY customer_id;
SELECT c.city, sum(o.total) AS revenue
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY c.city
HAVING sum(o.total) > 100
ORDER BY revenue DESC;
-- NULL forms its own group
SELECT city, count(*) FROM customers GROUP BY city ORDER BY city NULLS FIRST;
-- grouping by an expression, and by several columns; ORDER BY position
SELECT date_trunc('month', placed)::date AS month, count(*) AS n, sum(total) AS total
FROM orders GROUP BY 1 ORDER BY 1;
SELECT extract(month FROM placed) AS m, status, count(*) FROM orders GROUP BY m, status ORDER BY m, status;
-- DISTINCT
SELECT DISTINCT status FROM orders ORDER BY status;
SELECT DISTINCT customer_id FROM orders ORDER BY customer_id NULLS LAST;
SELECT DISTINCT city, status
FROM customers c JOIN orders o ON o.customer_id = c.id
ORDER BY city, status;
SELECT count(DISTINCT city) AS cities, count(city) AS non_null, count(*) AS all_rows FROM customers;
-- aggregates of expressions, with casts and rounding
SELECT round(avg(total), 2) AS avg_total, sum(total * 2) AS doubled, max(length(status)) AS longest_status,
       sum(CASE WHEN status = 'paid' THEN 1 ELSE 0 END) AS paid_count
FROM orders;
SELECT min(name) AS first_name, max(name) AS last_name, min(placed) AS first_order, max(placed) AS last_order
FROM customers, orders;
-- bool aggregates and string_agg with an explicit order
SELECT bool_and(total > 0) AS all_positive, bool_or(status = 'cancelled') AS any_cancelled FROM orders;
SELECT c.name, string_agg(o.status, ', ' ORDER BY o.placed) AS history
FROM customers c JOIN orders o ON o.customer_id = c.id
GROUP BY c.name ORDER BY c.name;
-- top customer by revenue, LIMIT after ORDER BY an aggregate
SELECT customer_id, sum(total) AS revenue FROM orders WHERE customer_id IS NOT NULL
GROUP BY customer_id ORDER BY revenue DESC NULLS LAST LIMIT 2;
-- after deleting a customer, their orders remain with customer_id NULL (ON DELETE SET NULL)
DELETE FROM customers WHERE name = 'Alice';
SELECT customer_id, count(*) AS n, sum(total) AS total FROM orders GROUP BY customer_id ORDER BY customer_id NULLS FIRST;
-- errors
SELECT status, total FROM orders GROUP BY status;
SELECT count(*) FROM orders HAVING status = 'paid';
SELECT sum(status) FROM orders;
SELECT avg(DISTINCT total) AS distinct_avg FROM orders;
