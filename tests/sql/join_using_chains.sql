-- Joins that merge columns (USING, NATURAL) chained over several tables, the order of * over
-- them, and JOIN … USING (…) AS alias: the merged column of one join is the column an enclosing
-- join's USING or NATURAL finds (once), and * lists each join's merged columns first.
CREATE TABLE customers (customer_id int PRIMARY KEY, region text, name text);
CREATE TABLE orders (order_id int PRIMARY KEY, customer_id int REFERENCES customers, region text, total numeric);
CREATE TABLE order_lines (order_id int REFERENCES orders, line int, customer_id int, qty int, PRIMARY KEY (order_id, line));
INSERT INTO customers VALUES (1, 'north', 'Ann'), (2, 'south', 'Bob'), (3, 'north', 'Cy');
INSERT INTO orders VALUES (10, 1, 'north', 25.50), (11, 1, 'south', 4.00), (12, 2, 'south', 99.99);
INSERT INTO order_lines VALUES (10, 1, 1, 2), (10, 2, 1, 1), (11, 1, 1, 5), (12, 1, 2, 7);

-- the same key merged twice: the second USING finds the first join's merged column
SELECT * FROM customers JOIN orders USING (customer_id) JOIN order_lines USING (customer_id)
ORDER BY order_lines.order_id, line, orders.order_id;
SELECT customer_id, name, count(*) FROM customers JOIN orders USING (customer_id) JOIN order_lines USING (customer_id)
GROUP BY customer_id, name ORDER BY customer_id;
-- two keys, then one of them again
SELECT * FROM customers JOIN orders USING (customer_id, region) JOIN order_lines USING (customer_id) ORDER BY orders.order_id, order_lines.order_id, line;
-- * names order_id twice, as two different columns: ORDER BY cannot tell which
SELECT * FROM customers JOIN orders USING (customer_id, region) JOIN order_lines USING (customer_id) ORDER BY order_id, line;
-- NATURAL over three tables (customers and orders share customer_id and region; then order_id, customer_id)
SELECT * FROM customers NATURAL JOIN orders NATURAL JOIN order_lines ORDER BY order_id, line;
SELECT count(*) FROM orders NATURAL JOIN order_lines NATURAL JOIN customers;
-- a join on the right of another
SELECT * FROM customers JOIN (orders JOIN order_lines USING (order_id)) USING (customer_id) ORDER BY order_id, line;
-- outer joins: the merged column of a FULL join is what the next join compares
SELECT * FROM customers FULL JOIN orders USING (customer_id) LEFT JOIN order_lines USING (customer_id)
ORDER BY customer_id, order_lines.order_id NULLS FIRST, line NULLS FIRST, orders.order_id NULLS FIRST;
SELECT * FROM orders RIGHT JOIN customers USING (customer_id) ORDER BY customer_id, order_id;

-- the order of * over a FROM list with joins in it
SELECT * FROM order_lines, customers JOIN orders USING (customer_id) WHERE order_lines.order_id = orders.order_id ORDER BY orders.order_id, line;
-- the same column twice under one name is not ambiguous
SELECT order_id, orders.order_id, total FROM orders ORDER BY order_id;
SELECT * FROM customers JOIN orders USING (region) WHERE customers.customer_id = 2 ORDER BY order_id;

-- JOIN … USING (…) AS alias names the merged columns only
SELECT * FROM customers JOIN orders USING (customer_id) AS co WHERE co.customer_id = 1 ORDER BY order_id;
SELECT co.* FROM customers JOIN orders USING (customer_id) AS co ORDER BY 1;
SELECT co, ROW(co.*), row_to_json(co.*) FROM customers JOIN orders USING (customer_id, region) AS co;
SELECT co.customer_id, customers.name FROM customers JOIN orders USING (customer_id) AS co JOIN order_lines USING (customer_id) AS col
WHERE col.customer_id = 2;
SELECT co.name FROM customers JOIN orders USING (customer_id) AS co;
SELECT * FROM customers JOIN orders USING (customer_id) AS customers;
SELECT * FROM customers JOIN orders USING (customer_id) AS x JOIN order_lines USING (order_id) AS x;

-- what cannot be merged
SELECT * FROM customers JOIN orders USING (order_id);
SELECT * FROM customers JOIN orders USING (name);
SELECT * FROM (customers CROSS JOIN orders) JOIN order_lines USING (customer_id);
SELECT * FROM customers JOIN (orders CROSS JOIN order_lines) USING (customer_id);
SELECT * FROM customers, orders NATURAL JOIN order_lines NATURAL JOIN customers c2 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
