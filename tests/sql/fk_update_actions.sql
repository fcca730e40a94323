-- ON UPDATE actions: changing a referenced key under NO ACTION, RESTRICT, CASCADE, SET NULL and
-- SET DEFAULT; updates that do not change the key; key swaps within one statement.
CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, name TEXT);
INSERT INTO parent VALUES (1, 'a', 'one'), (2, 'b', 'two'), (3, 'c', 'three'), (4, 'd', 'four'), (0, 'z', 'default');
CREATE TABLE u_noaction (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent);
CREATE TABLE u_restrict (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent ON UPDATE RESTRICT);
CREATE TABLE u_cascade (id INTEGER PRIMARY KEY, pcode TEXT REFERENCES parent (code) ON UPDATE CASCADE ON DELETE CASCADE);
CREATE TABLE u_setnull (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent ON UPDATE SET NULL);
CREATE TABLE u_setdefault (id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 0 REFERENCES parent ON UPDATE SET DEFAULT);
INSERT INTO u_noaction VALUES (1, 1);
INSERT INTO u_restrict VALUES (1, 2);
INSERT INTO u_cascade VALUES (1, 'c'), (2, 'c'), (3, 'd');
INSERT INTO u_setnull VALUES (1, 3);
INSERT INTO u_setdefault VALUES (1, 4);
-- changing a referenced key
UPDATE parent SET id = 10 WHERE id = 1;
UPDATE parent SET id = 20 WHERE id = 2;
-- updating other columns is always fine, and so is "changing" the key to the same value
UPDATE parent SET name = 'ONE' WHERE id = 1;
UPDATE parent SET id = 1 WHERE id = 1;
UPDATE parent SET id = id WHERE id IN (1, 2);
-- CASCADE on a UNIQUE column
UPDATE parent SET code = 'cc' WHERE code = 'c';
SELECT * FROM u_cascade ORDER BY id;
-- SET NULL: u_setnull references id 3
UPDATE parent SET id = 30 WHERE id = 3;
SELECT * FROM u_setnull ORDER BY id;
-- SET DEFAULT: u_setdefault references id 4
UPDATE parent SET id = 40 WHERE id = 4;
SELECT * FROM u_setdefault ORDER BY id;
SELECT * FROM parent ORDER BY id;
-- ON UPDATE CASCADE then ON DELETE CASCADE on the same key
UPDATE parent SET code = 'dd' WHERE code = 'd';
DELETE FROM parent WHERE code = 'dd';
SELECT * FROM u_cascade ORDER BY id;
-- NO ACTION is checked at end of statement: a key that another row re-supplies within the same
-- statement passes (rows are updated in insertion order: 1 -> 3 frees key 1, then 2 -> 1 takes it)
CREATE TABLE seats (n INTEGER PRIMARY KEY);
CREATE TABLE bookings (id INTEGER PRIMARY KEY, seat INTEGER REFERENCES seats);
INSERT INTO seats VALUES (1), (2);
INSERT INTO bookings VALUES (1, 1);
UPDATE seats SET n = CASE n WHEN 1 THEN 3 WHEN 2 THEN 1 END;
SELECT * FROM seats ORDER BY n;
-- RESTRICT does not look for a replacement row
CREATE TABLE seats_r (n INTEGER PRIMARY KEY);
CREATE TABLE bookings_r (id INTEGER PRIMARY KEY, seat INTEGER REFERENCES seats_r ON UPDATE RESTRICT);
INSERT INTO seats_r VALUES (1), (2);
INSERT INTO bookings_r VALUES (1, 1);
UPDATE seats_r SET n = CASE n WHEN 1 THEN 3 WHEN 2 THEN 1 END;
SELECT * FROM seats_r ORDER BY n;
-- the same swap written the other way round collides in the primary key first
UPDATE seats SET n = CASE n WHEN 1 THEN 3 WHEN 3 THEN 1 END;
-- swapping values of a unique column in one statement collides immediately (not deferrable), on
-- the first row in physical order (a table without updates, scanned without a WHERE clause, so
-- that PostgreSQL's planner cannot pick an index order instead)
CREATE TABLE codes (code TEXT UNIQUE NOT NULL);
INSERT INTO codes VALUES ('a'), ('b');
UPDATE codes SET code = CASE code WHEN 'a' THEN 'b' WHEN 'b' THEN 'a' END;
-- shifting all keys by one collides on the first row in physical order, unless none collide
CREATE TABLE nums (n INTEGER PRIMARY KEY);
INSERT INTO nums VALUES (1), (2), (3);
UPDATE nums SET n = n + 1;
UPDATE nums SET n = n + 10;
SELECT * FROM nums ORDER BY n;
-- Cascading update through a composite key
CREATE TABLE versions (doc INTEGER, ver INTEGER, PRIMARY KEY (doc, ver));
CREATE TABLE comments (id INTEGER PRIMARY KEY, doc INTEGER, ver INTEGER,
  FOREIGN KEY (doc, ver) REFERENCES versions ON UPDATE CASCADE);
INSERT INTO versions VALUES (1, 1), (1, 2), (2, 1);
INSERT INTO comments VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1), (4, NULL, 1);
UPDATE versions SET ver = ver * 100 WHERE doc = 1;
SELECT * FROM comments ORDER BY id;
-- changing the whole composite key cascades too
UPDATE versions SET doc = 3 WHERE doc = 2 AND ver = 1;
SELECT * FROM versions ORDER BY doc, ver;
SELECT * FROM comments ORDER BY id;
