-- ON DELETE actions on the referenced side: NO ACTION (default), RESTRICT, CASCADE, SET NULL,
-- SET DEFAULT (also with a missing default parent), SET NULL on a NOT NULL column, column lists
-- for SET NULL (PostgreSQL 15), and several foreign keys to one parent.
CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE c_noaction (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent);
CREATE TABLE c_restrict (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent ON DELETE RESTRICT);
CREATE TABLE c_cascade (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent ON DELETE CASCADE);
CREATE TABLE c_setnull (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent ON DELETE SET NULL);
CREATE TABLE c_setdefault (id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 0 REFERENCES parent ON DELETE SET DEFAULT);
INSERT INTO parent VALUES (0, 'default'), (1, 'p1'), (2, 'p2'), (3, 'p3'), (4, 'p4'), (5, 'p5'), (6, 'free');
INSERT INTO c_noaction VALUES (1, 1);
INSERT INTO c_restrict VALUES (1, 2);
INSERT INTO c_cascade VALUES (1, 3), (2, 3), (3, 4);
INSERT INTO c_setnull VALUES (1, 4), (2, 5);
INSERT INTO c_setdefault VALUES (1, 5), (2, 1);
-- NO ACTION and RESTRICT both refuse, with the same message and SQLSTATE 23503
DELETE FROM parent WHERE id = 1;
DELETE FROM parent WHERE id = 2;
-- a parent nobody references can go
DELETE FROM parent WHERE id = 6;
-- CASCADE deletes the children
DELETE FROM parent WHERE id = 3;
SELECT * FROM c_cascade ORDER BY id;
-- one parent row, two actions: CASCADE in c_cascade and SET NULL in c_setnull
DELETE FROM parent WHERE id = 4;
SELECT * FROM c_cascade ORDER BY id;
SELECT * FROM c_setnull ORDER BY id;
-- SET NULL and SET DEFAULT together
DELETE FROM parent WHERE id = 5;
SELECT * FROM c_setnull ORDER BY id;
SELECT * FROM c_setdefault ORDER BY id;
-- SET DEFAULT when the default row is the one being deleted: still referenced
DELETE FROM parent WHERE id = 0;
-- the whole statement failed: parent 0 is still there
SELECT id, name FROM parent ORDER BY id;
-- SET DEFAULT to a default with no parent row fails
CREATE TABLE c_baddefault (id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 42 REFERENCES parent ON DELETE SET DEFAULT);
INSERT INTO c_baddefault VALUES (1, 1);
DELETE FROM c_noaction;
DELETE FROM c_setdefault WHERE pid = 1;
DELETE FROM parent WHERE id = 1;
SELECT * FROM c_baddefault ORDER BY id;
-- SET DEFAULT with no DEFAULT clause means NULL
CREATE TABLE c_nulldefault (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent ON DELETE SET DEFAULT);
INSERT INTO parent VALUES (7, 'p7');
INSERT INTO c_nulldefault VALUES (1, 7);
DELETE FROM parent WHERE id = 7;
SELECT * FROM c_nulldefault ORDER BY id;
-- SET NULL on a NOT NULL column is accepted at CREATE time but fails when it fires
CREATE TABLE c_notnull (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL REFERENCES parent ON DELETE SET NULL);
INSERT INTO parent VALUES (8, 'p8');
INSERT INTO c_notnull VALUES (1, 8), (2, 8);
DELETE FROM parent WHERE id = 8;
SELECT * FROM c_notnull ORDER BY id;
-- CHECK constraints of the child fire for the rows SET NULL / SET DEFAULT changes
CREATE TABLE c_checked (id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 0 REFERENCES parent ON DELETE SET DEFAULT,
  CHECK (pid <> 0));
INSERT INTO parent VALUES (9, 'p9');
INSERT INTO c_checked VALUES (1, 9);
DELETE FROM parent WHERE id = 9;
-- PostgreSQL 15: ON DELETE SET NULL (column list) for composite keys
CREATE TABLE tenants (tenant_id INTEGER, user_id INTEGER, PRIMARY KEY (tenant_id, user_id));
CREATE TABLE posts (
  tenant_id INTEGER NOT NULL,
  post_id INTEGER NOT NULL,
  author_id INTEGER,
  PRIMARY KEY (tenant_id, post_id),
  FOREIGN KEY (tenant_id, author_id) REFERENCES tenants ON DELETE SET NULL (author_id)
);
INSERT INTO tenants VALUES (1, 10), (1, 11), (2, 10);
INSERT INTO posts VALUES (1, 1, 10), (1, 2, 11), (2, 1, 10);
DELETE FROM tenants WHERE tenant_id = 1 AND user_id = 10;
SELECT * FROM posts ORDER BY tenant_id, post_id;
CREATE TABLE bad_list (a INTEGER, b INTEGER,
  FOREIGN KEY (a, b) REFERENCES tenants ON DELETE SET NULL (c));
-- DELETE with several rows where only some are referenced: all or nothing
INSERT INTO parent VALUES (20, 'x'), (21, 'y'), (22, 'z');
INSERT INTO c_restrict VALUES (2, 21);
DELETE FROM parent WHERE id >= 20;
SELECT id FROM parent WHERE id >= 20 ORDER BY id;
-- Deleting the child first, then the parent
DELETE FROM c_restrict WHERE pid = 21;
DELETE FROM parent WHERE id >= 20;
SELECT id FROM parent ORDER BY id;
-- A parent referenced twice by the same child table
CREATE TABLE transfers (id INTEGER PRIMARY KEY,
  from_id INTEGER REFERENCES parent ON DELETE CASCADE,
  to_id INTEGER REFERENCES parent ON DELETE SET NULL);
INSERT INTO parent VALUES (30, 'a'), (31, 'b');
INSERT INTO transfers VALUES (1, 30, 31), (2, 31, 30), (3, 31, 31);
DELETE FROM parent WHERE id = 30;
SELECT * FROM transfers ORDER BY id;
