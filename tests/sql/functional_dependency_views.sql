-- Views whose GROUP BY relies on a primary key's functional dependency depend on that
-- constraint: DROP CONSTRAINT is refused (2BP01) or cascades to them; views that group by
-- every column they show, or whose queries never needed the key, do not depend on it.
CREATE TABLE author (id int PRIMARY KEY, name text, born int);
CREATE TABLE book (id int, author_id int, title text, CONSTRAINT book_pk PRIMARY KEY (id));
INSERT INTO author VALUES (1, 'Ann', 1950), (2, 'Bob', 1960);
INSERT INTO book VALUES (10, 1, 'A'), (11, 1, 'B'), (12, 2, 'C');
CREATE VIEW author_books AS SELECT a.id, a.name, count(b.id) AS books
  FROM author a LEFT JOIN book b ON b.author_id = a.id GROUP BY a.id;
SELECT * FROM author_books ORDER BY id;
SELECT pg_get_viewdef('author_books', true);
ALTER TABLE author DROP CONSTRAINT author_pkey;
ALTER TABLE author DROP CONSTRAINT author_pkey RESTRICT;
-- Grouping by every column shown needs no key.
CREATE VIEW plain_group AS SELECT name, born FROM author GROUP BY name, born;
-- A view over the dependent view goes with it.
CREATE VIEW prolific AS SELECT name FROM author_books WHERE books > 1;
-- Nested: the dependency is found in a subquery too.
CREATE VIEW nested AS SELECT s.name FROM (SELECT id, name FROM author GROUP BY id) s;
ALTER TABLE author DROP CONSTRAINT author_pkey;
BEGIN;
ALTER TABLE author DROP CONSTRAINT author_pkey CASCADE;
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1;
ROLLBACK;
-- Two keys: the view depends on each it used.
CREATE VIEW both_keys AS SELECT a.id, a.name, b.id AS book, b.title FROM author a JOIN book b ON b.author_id = a.id GROUP BY a.id, b.id;
ALTER TABLE book DROP CONSTRAINT book_pk;
DROP VIEW both_keys;
ALTER TABLE book DROP CONSTRAINT book_pk;
SELECT conname FROM pg_constraint WHERE conrelid = 'book'::regclass;
-- CASCADE drops the views, then the key.
ALTER TABLE author DROP CONSTRAINT author_pkey CASCADE;
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1;
SELECT conname FROM pg_constraint WHERE conrelid = 'author'::regclass;
-- Without the key the grouping is refused again.
CREATE VIEW author_books AS SELECT a.id, a.name FROM author a GROUP BY a.id;
-- A materialized view depends on the key the same way.
ALTER TABLE author ADD PRIMARY KEY (id);
CREATE MATERIALIZED VIEW mv_authors AS SELECT id, name FROM author GROUP BY id;
ALTER TABLE author DROP CONSTRAINT author_pkey;
ALTER TABLE author DROP CONSTRAINT author_pkey CASCADE;
SELECT matviewname FROM pg_matviews;
