-- Subqueries and expressions: IN / NOT IN (and its NULL trap), EXISTS / NOT EXISTS, scalar
-- subqueries (and 21000 when they return several rows), correlated subqueries, CASE, COALESCE,
-- NULLIF, casts, IS [NOT] DISTINCT FROM, ORDER BY with NULLS FIRST/LAST, LIMIT/OFFSET, UNION.
CREATE TABLE categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL, parent_id INTEGER REFERENCES categories);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  category_id INTEGER REFERENCES categories ON DELETE SET NULL,
  price NUMERIC(8, 2),
  stock INTEGER NOT NULL DEFAULT 0
);
INSERT INTO categories VALUES (1, 'Electronics', NULL), (2, 'Phones', 1), (3, 'Laptops', 1), (4, 'Books', NULL), (5, 'Garden', NULL);
INSERT INTO products VALUES
  (1, 'Pixel', 2, 599.00, 10), (2, 'iPhone', 2, 999.00, 0), (3, 'ThinkPad', 3, 1299.00, 5),
  (4, 'Novel', 4, 15.50, 100), (5, 'Atlas', 4, NULL, 3), (6, 'Mystery box', NULL, 50.00, 1), (7, 'Cable', 1, 9.99, 250);
-- IN and NOT IN with a subquery over the foreign key
SELECT name FROM categories WHERE id IN (SELECT category_id FROM products) ORDER BY name;
SELECT name FROM categories WHERE id NOT IN (SELECT category_id FROM products WHERE category_id IS NOT NULL) ORDER BY name;
-- NOT IN against a list containing NULL is never true
SELECT name FROM categories WHERE id NOT IN (SELECT category_id FROM products) ORDER BY name;
SELECT 1 IN (1, NULL) AS in_true, 2 IN (1, NULL) AS in_null, 2 NOT IN (1, NULL) AS not_in_null;
-- EXISTS / NOT EXISTS (correlated)
SELECT c.name FROM categories c WHERE EXISTS (SELECT 1 FROM products p WHERE p.category_id = c.id) ORDER BY c.name;
SELECT c.name FROM categories c WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.category_id = c.id) ORDER BY c.name;
-- scalar subqueries in the select list and in WHERE
SELECT p.name, (SELECT c.name FROM categories c WHERE c.id = p.category_id) AS category
FROM products p ORDER BY p.id;
SELECT name, price FROM products WHERE price > (SELECT avg(price) FROM products) ORDER BY price DESC;
SELECT c.name, (SELECT count(*) FROM products p WHERE p.category_id = c.id) AS n,
       (SELECT max(price) FROM products p WHERE p.category_id = c.id) AS top_price
FROM categories c ORDER BY c.id;
-- a scalar subquery returning more than one row
SELECT name FROM products WHERE category_id = (SELECT id FROM categories WHERE parent_id = 1);
-- and returning no row gives NULL
SELECT (SELECT name FROM categories WHERE id = 99) IS NULL AS no_row;
-- subquery in FROM, with an alias
SELECT s.category_id, s.n FROM (SELECT category_id, count(*) AS n FROM products GROUP BY category_id) AS s
WHERE s.n > 1 ORDER BY s.category_id;
-- IN with a literal list, BETWEEN, and a subquery in UPDATE / DELETE
SELECT name FROM products WHERE id IN (1, 3, 5, 99) ORDER BY id;
SELECT name FROM products WHERE price BETWEEN 10 AND 600 ORDER BY price;
UPDATE products SET stock = stock + 1 WHERE category_id IN (SELECT id FROM categories WHERE parent_id = 1);
SELECT name, stock FROM products WHERE category_id IN (2, 3) ORDER BY id;
-- CASE (searched and simple), COALESCE, NULLIF
SELECT name,
       CASE WHEN stock = 0 THEN 'sold out' WHEN stock < 5 THEN 'low' ELSE 'ok' END AS availability,
       CASE category_id WHEN 2 THEN 'phone' WHEN 3 THEN 'laptop' ELSE 'other' END AS kind,
       COALESCE(price, 0) AS price_or_zero,
       COALESCE(category_id::text, 'uncategorized') AS category,
       NULLIF(stock, 0) AS stock_or_null
FROM products ORDER BY id;
SELECT CASE WHEN NULL THEN 'yes' ELSE 'no' END AS null_is_not_true, COALESCE(NULL, NULL, 3, 4) AS first_non_null;
SELECT 10 / NULLIF(0, 0) AS safe_division;
-- casts
SELECT '42'::integer + 1 AS a, CAST('3.14' AS NUMERIC) AS b, 42::text || '!' AS c, CAST(1 AS BOOLEAN) AS d,
       '2024-01-02'::date AS e, 7::numeric(5, 2) AS f, 3.99::integer AS g, (2 > 1)::text AS h;
SELECT 'x'::integer;
SELECT CAST('2024-02-30' AS DATE);
-- NULL comparisons
SELECT NULL = NULL AS eq, NULL IS NULL AS is_null, NULL IS DISTINCT FROM NULL AS distinct_null,
       1 IS DISTINCT FROM NULL AS distinct_one, 1 IS NOT DISTINCT FROM 1 AS same;
SELECT name FROM products WHERE category_id = NULL;
SELECT name FROM products WHERE category_id IS NULL;
-- ORDER BY: NULLs sort last ascending and first descending by default
SELECT name, price FROM products ORDER BY price;
SELECT name, price FROM products ORDER BY price DESC;
SELECT name, price FROM products ORDER BY price NULLS FIRST, name;
SELECT name, price FROM products ORDER BY price DESC NULLS LAST, name;
SELECT name FROM products ORDER BY category_id NULLS FIRST, price DESC NULLS LAST, name;
-- LIMIT / OFFSET paging
SELECT id, name FROM products ORDER BY id LIMIT 3;
SELECT id, name FROM products ORDER BY id LIMIT 3 OFFSET 3;
SELECT id, name FROM products ORDER BY id OFFSET 6;
SELECT id, name FROM products ORDER BY id LIMIT 0;
SELECT id, name FROM products ORDER BY id LIMIT ALL OFFSET 5;
SELECT id FROM products ORDER BY id FETCH FIRST 2 ROWS ONLY;
SELECT id FROM products ORDER BY id LIMIT -1;
-- UNION / UNION ALL / EXCEPT / INTERSECT
SELECT category_id FROM products WHERE price > 500 UNION SELECT id FROM categories WHERE parent_id IS NULL ORDER BY 1;
SELECT category_id FROM products WHERE price > 500 UNION ALL SELECT 2 ORDER BY 1;
SELECT id FROM categories EXCEPT SELECT category_id FROM products ORDER BY 1;
SELECT id FROM categories INTERSECT SELECT category_id FROM products ORDER BY 1;
-- ORDER BY an output alias, an expression, and a column not in the select list
SELECT name, price * stock AS stock_value FROM products ORDER BY stock_value DESC NULLS LAST LIMIT 3;
SELECT name FROM products ORDER BY length(name) DESC, name LIMIT 3;
SELECT name FROM products ORDER BY stock DESC LIMIT 2;
