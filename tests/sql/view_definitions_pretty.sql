-- psql's \d+ on views and materialized views (the "View definition:" footer), \sv and \sv+, and
-- pg_get_viewdef's pretty layout of nested and long queries.
CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, amount numeric(10,2), placed date, status varchar(10) DEFAULT 'new');
CREATE TABLE lines (order_id int REFERENCES orders, item text, qty int);
CREATE VIEW big_orders AS SELECT id, customer, amount FROM orders WHERE amount > 100 AND status <> 'void';
\d+ big_orders
\sv big_orders
\sv+ big_orders
CREATE VIEW order_summary AS
  SELECT o.customer, count(*) AS n, sum(l.qty) AS qty,
         CASE WHEN sum(o.amount) > 1000 THEN 'gold' WHEN sum(o.amount) > 100 THEN 'silver' ELSE 'bronze' END AS tier
  FROM orders o JOIN lines l ON l.order_id = o.id
  WHERE o.placed >= DATE '2024-01-01' OR o.placed IS NULL
  GROUP BY o.customer
  HAVING count(*) > 0
  ORDER BY n DESC, o.customer;
\d+ order_summary
\sv order_summary
CREATE VIEW nested_view AS
  SELECT id FROM orders o
  WHERE EXISTS (SELECT 1 FROM lines l WHERE l.order_id = o.id AND l.qty > (SELECT avg(qty) FROM lines))
  UNION ALL
  SELECT order_id FROM lines WHERE item LIKE 'x%';
\sv nested_view
CREATE MATERIALIZED VIEW customer_totals AS SELECT customer, sum(amount) AS total FROM orders GROUP BY customer WITH NO DATA;
\d+ customer_totals
\sv customer_totals
\sv no_such_view
\sv orders
SELECT pg_get_viewdef('order_summary'::regclass, 40);
SELECT pg_get_viewdef('order_summary'::regclass, 120);
CREATE VIEW "Mixed Case" AS SELECT amount * 1.1 AS "With Tax", upper(customer) AS "select" FROM orders o;
\d+ "Mixed Case"
\sv "Mixed Case"
CREATE SCHEMA rpt;
CREATE VIEW rpt.recent AS SELECT o.id, o.placed FROM public.orders o ORDER BY o.placed DESC LIMIT 10;
\sv rpt.recent
SET search_path = rpt;
SELECT pg_get_viewdef('recent', true);
RESET search_path;
