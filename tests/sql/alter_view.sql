-- ALTER VIEW: RENAME [COLUMN], SET / RESET (options) with check_option taking effect, what is
-- refused, and views and materialized views reading a renamed view column keep working.
CREATE TABLE items (id int PRIMARY KEY, label text DEFAULT 'unnamed', price numeric DEFAULT 1);
INSERT INTO items VALUES (1, 'pen', 2), (2, 'ink', 5), (3, 'pad', 3);
CREATE VIEW cheap AS SELECT id, label, price FROM items WHERE price < 4;
CREATE VIEW cheap_labels AS SELECT label, id FROM cheap;
CREATE VIEW cheap_star AS SELECT * FROM cheap c WHERE c.id > 0;
CREATE MATERIALIZED VIEW cheap_snapshot AS SELECT id, label FROM cheap;

ALTER VIEW cheap RENAME COLUMN label TO name;
ALTER VIEW cheap RENAME price TO cost;
SELECT * FROM cheap ORDER BY id;
SELECT * FROM cheap_labels ORDER BY id;
SELECT * FROM cheap_star ORDER BY id;
REFRESH MATERIALIZED VIEW cheap_snapshot;
SELECT * FROM cheap_snapshot ORDER BY id;
SELECT attname FROM pg_attribute WHERE attrelid = 'cheap'::regclass AND attnum > 0 ORDER BY attnum;
SELECT name, cost FROM cheap WHERE id = 1;
SELECT label FROM cheap;
INSERT INTO cheap (id, name) VALUES (4, 'cap');
UPDATE cheap SET name = 'PEN' WHERE id = 1;
UPDATE cheap SET cost = DEFAULT WHERE id = 3;
SELECT * FROM items ORDER BY id;

-- what a rename refuses
ALTER VIEW cheap RENAME COLUMN nothing TO something;
ALTER VIEW cheap RENAME COLUMN name TO id;
ALTER VIEW missing RENAME COLUMN a TO b;
ALTER VIEW IF EXISTS missing RENAME COLUMN a TO b;
-- on a table, ALTER VIEW … RENAME COLUMN renames the table's column
ALTER VIEW items RENAME COLUMN price TO unit_price;
SELECT * FROM cheap ORDER BY id;
ALTER VIEW items SET (check_option = local);

-- options
ALTER VIEW cheap SET (check_option = local, security_barrier);
SELECT reloptions FROM pg_class WHERE relname = 'cheap';
INSERT INTO cheap VALUES (5, 'lamp', 40);
UPDATE cheap SET cost = 10 WHERE id = 1;
ALTER VIEW cheap RESET (check_option);
SELECT reloptions FROM pg_class WHERE relname = 'cheap';
INSERT INTO cheap VALUES (5, 'lamp', 40);
ALTER VIEW cheap SET (security_barrier = false);
SELECT reloptions FROM pg_class WHERE relname = 'cheap';
ALTER VIEW cheap RESET (security_barrier, not_an_option);
SELECT reloptions FROM pg_class WHERE relname = 'cheap';
ALTER VIEW cheap SET (not_an_option = 1);
ALTER VIEW cheap SET (check_option = upward);
ALTER VIEW cheap RESET (check_option = local);
ALTER VIEW IF EXISTS missing SET (check_option = local);
CREATE VIEW label_counts AS SELECT label, count(*) FROM items GROUP BY label;
ALTER VIEW label_counts SET (check_option = cascaded);
ALTER VIEW label_counts SET (security_invoker = true);
SELECT relname, reloptions FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace ORDER BY relname;
SELECT * FROM items ORDER BY id;
-- information_schema: which views take inserts
SELECT table_name, table_type, is_insertable_into FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;
