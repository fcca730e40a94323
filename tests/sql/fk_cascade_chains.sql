-- Multi-level cascades: users -> posts -> comments -> likes, mixed actions along a chain,
-- a RESTRICT deep in the chain that undoes the whole DELETE, and diamonds.
CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (id SERIAL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users ON DELETE CASCADE, title TEXT);
CREATE TABLE comments (id SERIAL PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts ON DELETE CASCADE,
  author_id INTEGER REFERENCES users ON DELETE SET NULL, body TEXT);
CREATE TABLE likes (comment_id INTEGER REFERENCES comments ON DELETE CASCADE,
  user_id INTEGER REFERENCES users ON DELETE CASCADE, PRIMARY KEY (comment_id, user_id));
INSERT INTO users (name) VALUES ('ann'), ('bob'), ('cat');
INSERT INTO posts (user_id, title) VALUES (1, 'a1'), (1, 'a2'), (2, 'b1');
INSERT INTO comments (post_id, author_id, body) VALUES
  (1, 2, 'bob on a1'), (1, 3, 'cat on a1'), (2, 2, 'bob on a2'), (3, 1, 'ann on b1'), (3, 3, 'cat on b1');
INSERT INTO likes VALUES (1, 1), (1, 3), (2, 2), (3, 3), (4, 2), (5, 1), (5, 2);
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
  (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM likes) AS likes;
-- deleting ann removes her posts, their comments, those comments' likes and her own likes;
-- her comment on bob's post stays, with author_id set to NULL
DELETE FROM users WHERE name = 'ann';
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
  (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM likes) AS likes;
SELECT c.id, c.post_id, c.author_id, c.body FROM comments c ORDER BY c.id;
SELECT * FROM likes ORDER BY comment_id, user_id;
-- a RESTRICT at the end of the chain blocks the whole delete: nothing at any level is removed
CREATE TABLE reports (id SERIAL PRIMARY KEY, comment_id INTEGER REFERENCES comments ON DELETE RESTRICT);
INSERT INTO reports (comment_id) VALUES (5);
DELETE FROM users WHERE name = 'bob';
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
  (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM likes) AS likes;
-- NO ACTION at the end of the chain: the same
ALTER TABLE reports DROP CONSTRAINT reports_comment_id_fkey;
ALTER TABLE reports ADD FOREIGN KEY (comment_id) REFERENCES comments;
DELETE FROM users WHERE name = 'bob';
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
  (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM likes) AS likes;
-- once the report is gone the cascade goes through
DELETE FROM reports;
DELETE FROM users WHERE name = 'bob';
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,
  (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM likes) AS likes;
SELECT c.id, c.post_id, c.author_id, c.body FROM comments c ORDER BY c.id;
-- a cascade that ends in SET NULL on a NOT NULL column fails and rolls back everything
CREATE TABLE a (id INTEGER PRIMARY KEY);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a ON DELETE CASCADE);
CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER NOT NULL REFERENCES b ON DELETE SET NULL);
INSERT INTO a VALUES (1), (2);
INSERT INTO b VALUES (10, 1), (11, 1), (20, 2);
INSERT INTO c VALUES (100, 10), (200, 20);
DELETE FROM a WHERE id = 1;
SELECT (SELECT count(*) FROM a) AS a, (SELECT count(*) FROM b) AS b, (SELECT count(*) FROM c) AS c;
-- deleting the leaf first lets the cascade through
DELETE FROM c WHERE b_id = 10;
DELETE FROM a WHERE id = 1;
SELECT * FROM b ORDER BY id;
-- ON UPDATE CASCADE chained over three levels
CREATE TABLE l1 (k TEXT PRIMARY KEY);
CREATE TABLE l2 (k TEXT PRIMARY KEY REFERENCES l1 ON UPDATE CASCADE ON DELETE CASCADE);
CREATE TABLE l3 (id SERIAL PRIMARY KEY, k TEXT REFERENCES l2 ON UPDATE CASCADE ON DELETE CASCADE);
INSERT INTO l1 VALUES ('x'), ('y');
INSERT INTO l2 VALUES ('x'), ('y');
INSERT INTO l3 (k) VALUES ('x'), ('x'), ('y');
UPDATE l1 SET k = 'xx' WHERE k = 'x';
SELECT * FROM l2 ORDER BY k;
SELECT * FROM l3 ORDER BY id;
DELETE FROM l1 WHERE k = 'y';
SELECT * FROM l3 ORDER BY id;
-- a diamond: d is reached from two paths; both cascade
CREATE TABLE top (id INTEGER PRIMARY KEY);
CREATE TABLE left_side (id INTEGER PRIMARY KEY, top_id INTEGER REFERENCES top ON DELETE CASCADE);
CREATE TABLE right_side (id INTEGER PRIMARY KEY, top_id INTEGER REFERENCES top ON DELETE CASCADE);
CREATE TABLE bottom (id INTEGER PRIMARY KEY,
  left_id INTEGER REFERENCES left_side ON DELETE CASCADE,
  right_id INTEGER REFERENCES right_side ON DELETE CASCADE);
INSERT INTO top VALUES (1), (2);
INSERT INTO left_side VALUES (1, 1), (2, 2);
INSERT INTO right_side VALUES (1, 1), (2, 2);
INSERT INTO bottom VALUES (1, 1, 1), (2, 1, 2), (3, 2, 2);
DELETE FROM top WHERE id = 1;
SELECT * FROM bottom ORDER BY id;
-- DROP TABLE of a referenced table needs CASCADE, which drops only the constraint
DROP TABLE top;
DROP TABLE top CASCADE;
INSERT INTO left_side VALUES (3, 999);
SELECT * FROM left_side ORDER BY id;
