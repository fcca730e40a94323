-- A view grouping by a table's primary key and reading its other columns (functional dependency)
-- depends on that primary key: DROP CONSTRAINT is refused (2BP01) or cascades to the view; a view
-- that needs no such dependency does not block it.
CREATE TABLE articles (id int CONSTRAINT articles_pkey PRIMARY KEY, keywords text, title text UNIQUE NOT NULL, body text);
CREATE TABLE articles_in_category (article_id int, category_id int, changed date, PRIMARY KEY (article_id, category_id));
CREATE VIEW fdv1 AS SELECT id, keywords, title, body FROM articles GROUP BY id;
ALTER TABLE articles DROP CONSTRAINT articles_pkey RESTRICT;
CREATE VIEW fdv1b AS SELECT * FROM fdv1;
ALTER TABLE articles DROP CONSTRAINT articles_pkey;
DROP VIEW fdv1 CASCADE;
CREATE VIEW fdv2 AS
SELECT a.id, a.keywords, a.title, aic.category_id, aic.changed
FROM articles AS a JOIN articles_in_category AS aic ON a.id = aic.article_id
WHERE aic.category_id in (14,62,70,53,138)
GROUP BY a.id, aic.category_id, aic.article_id;
ALTER TABLE articles DROP CONSTRAINT articles_pkey RESTRICT;
ALTER TABLE articles_in_category DROP CONSTRAINT articles_in_category_pkey RESTRICT;
DROP VIEW fdv2;
CREATE VIEW fdv3 AS
SELECT id, keywords FROM articles GROUP BY id
UNION
SELECT id, keywords FROM articles GROUP BY id;
CREATE VIEW fdv4 AS SELECT * FROM articles WHERE title IN (SELECT title FROM articles GROUP BY id);
CREATE VIEW fdv5 AS SELECT id, count(*) FROM articles GROUP BY id;
ALTER TABLE articles DROP CONSTRAINT articles_pkey RESTRICT;
ALTER TABLE articles DROP CONSTRAINT articles_pkey CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'fdv%' ORDER BY 1;
SELECT conname FROM pg_constraint WHERE conrelid = 'articles'::regclass ORDER BY 1;
CREATE VIEW fdv6 AS SELECT id, keywords FROM articles GROUP BY id;
DROP VIEW fdv5;
DROP TABLE articles, articles_in_category;
