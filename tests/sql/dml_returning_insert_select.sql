-- Data-changing statements and their results: INSERT ... SELECT (copying between related tables,
-- with defaults and key conflicts), RETURNING for INSERT / UPDATE / DELETE, UPDATE ... FROM,
-- DELETE ... USING, DEFAULT VALUES, multi-row VALUES, and rows affected by cascades.
CREATE TABLE authors (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, active BOOLEAN NOT NULL DEFAULT true);
CREATE TABLE books (
  id SERIAL PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors ON DELETE CASCADE,
  title TEXT NOT NULL,
  price NUMERIC(6, 2) CHECK (price >= 0),
  UNIQUE (author_id, title)
);
-- RETURNING on INSERT, with generated keys and defaults
INSERT INTO authors (name) VALUES ('Austen'), ('Borges'), ('Calvino') RETURNING id, name, active;
INSERT INTO authors (name, active) VALUES ('Dick', false) RETURNING *;
INSERT INTO authors DEFAULT VALUES RETURNING *;
INSERT INTO books (author_id, title, price) VALUES
  (1, 'Emma', 9.50), (1, 'Persuasion', 8.00), (2, 'Ficciones', 12.00), (3, 'Invisible Cities', 11.00)
RETURNING id, author_id, title;
INSERT INTO books (author_id, title, price) VALUES (9, 'Ghost', 1) RETURNING id;
-- RETURNING with expressions and aliases
INSERT INTO books (author_id, title, price) VALUES (4, 'Ubik', 7.25)
RETURNING id, upper(title) AS shout, price * 2 AS double_price, author_id = 4 AS is_dick;
-- INSERT ... SELECT copying rows across a relationship
CREATE TABLE archived_books (
  book_id INTEGER PRIMARY KEY,
  author_name TEXT NOT NULL,
  title TEXT NOT NULL,
  archived_on DATE NOT NULL DEFAULT '2024-06-30'
);
INSERT INTO archived_books (book_id, author_name, title)
SELECT b.id, a.name, b.title FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = 'Austen'
RETURNING *;
-- a second copy of the same rows hits the primary key
INSERT INTO archived_books (book_id, author_name, title)
SELECT b.id, a.name, b.title FROM books b JOIN authors a ON a.id = b.author_id;
SELECT count(*) FROM archived_books;
-- copying only the missing ones
INSERT INTO archived_books (book_id, author_name, title)
SELECT b.id, a.name, b.title FROM books b JOIN authors a ON a.id = b.author_id
WHERE NOT EXISTS (SELECT 1 FROM archived_books x WHERE x.book_id = b.id)
ORDER BY b.id
RETURNING book_id, title;
-- INSERT ... SELECT that violates a foreign key inserts nothing
INSERT INTO books (author_id, title) SELECT id + 100, 'Lost ' || name FROM authors WHERE name IS NOT NULL;
INSERT INTO books (author_id, title) SELECT id, NULL FROM authors WHERE id = 1;
-- INSERT ... SELECT with a column count mismatch
INSERT INTO archived_books (book_id, title) SELECT id FROM books;
-- UPDATE ... RETURNING
UPDATE books SET price = price * 1.10 WHERE author_id = 1 RETURNING id, title, price;
UPDATE books SET price = -1 WHERE id = 1 RETURNING id;
UPDATE books SET title = title WHERE false RETURNING id;
-- UPDATE ... FROM another table
UPDATE books b SET price = b.price + 1 FROM authors a WHERE a.id = b.author_id AND NOT a.active
RETURNING b.title, b.price, a.name;
-- DELETE ... RETURNING, DELETE ... USING
DELETE FROM books WHERE price < 8 RETURNING title;
DELETE FROM books b USING authors a WHERE a.id = b.author_id AND a.name = 'Calvino' RETURNING b.id, a.name;
-- RETURNING shows only the rows of the target table, not the cascaded ones
SELECT count(*) AS books_before FROM books;
DELETE FROM authors WHERE name = 'Austen' RETURNING id, name;
SELECT count(*) AS books_after FROM books;
-- RETURNING on a statement that fails returns nothing
DELETE FROM authors WHERE name = 'Borges' AND id / 0 = 1 RETURNING id;
-- the rows that remain
SELECT a.name, b.title, b.price FROM authors a LEFT JOIN books b ON b.author_id = a.id ORDER BY a.id, b.id;
-- RETURNING references an unknown column
INSERT INTO authors (name) VALUES ('Eco') RETURNING nonexistent;
SELECT count(*) FROM authors WHERE name = 'Eco';
-- INSERT with a subquery in VALUES
INSERT INTO books (author_id, title, price)
VALUES ((SELECT id FROM authors WHERE name = 'Borges'), 'El Aleph', (SELECT max(price) FROM books))
RETURNING author_id, title, price;
