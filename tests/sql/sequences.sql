-- Sequences: CREATE SEQUENCE options, nextval/currval/setval/lastval, is_called, MINVALUE /
-- MAXVALUE / CYCLE, errors (55000, 2200H, 22023, 42P01, 42P07), sequences are not transactional,
-- a sequence as a column default, DROP SEQUENCE with dependencies.
CREATE SEQUENCE s1;
SELECT currval('s1');
SELECT lastval();
SELECT nextval('s1'), nextval('s1'), nextval('s1');
SELECT currval('s1'), lastval();
-- setval(seq, n): the next value is n + 1
SELECT setval('s1', 100);
SELECT nextval('s1');
-- setval(seq, n, false): the next value is n itself
SELECT setval('s1', 200, false);
SELECT currval('s1');
SELECT nextval('s1');
SELECT setval('s1', 0);
SELECT setval('s1', -5);
-- increments, start, min and max
CREATE SEQUENCE s2 START WITH 10 INCREMENT BY 5;
SELECT nextval('s2'), nextval('s2');
CREATE SEQUENCE s3 INCREMENT BY -1;
SELECT nextval('s3'), nextval('s3');
CREATE SEQUENCE s4 MINVALUE 1 MAXVALUE 3;
SELECT nextval('s4');
SELECT nextval('s4');
SELECT nextval('s4');
SELECT nextval('s4');
CREATE SEQUENCE s5 MINVALUE 1 MAXVALUE 3 CYCLE;
SELECT nextval('s5'), nextval('s5'), nextval('s5'), nextval('s5'), nextval('s5');
CREATE SEQUENCE s6 AS smallint START 32767;
SELECT nextval('s6');
SELECT nextval('s6');
CREATE SEQUENCE s7 START WITH 0;
CREATE SEQUENCE s7 MINVALUE 10 MAXVALUE 5;
CREATE SEQUENCE s7 INCREMENT BY 0;
CREATE SEQUENCE s7 AS text;
-- errors
CREATE SEQUENCE s1;
CREATE SEQUENCE IF NOT EXISTS s1;
SELECT nextval('no_such_seq');
CREATE TABLE not_a_seq (id INTEGER);
SELECT nextval('not_a_seq');
-- sequence values are not rolled back
BEGIN;
SELECT nextval('s2');
ROLLBACK;
SELECT nextval('s2');
-- currval is per session and follows the latest nextval of that sequence
SELECT currval('s2');
-- a sequence as an explicit column default (what SERIAL expands to)
CREATE SEQUENCE order_no START 1000;
CREATE TABLE orders (no INTEGER PRIMARY KEY DEFAULT nextval('order_no'), item TEXT NOT NULL);
INSERT INTO orders (item) VALUES ('a'), ('b');
INSERT INTO orders (item) VALUES (NULL);
INSERT INTO orders (item) VALUES ('c');
SELECT * FROM orders ORDER BY no;
SELECT currval('order_no');
-- the sequence of a SERIAL column is owned by it
CREATE TABLE items (id SERIAL PRIMARY KEY, name TEXT);
INSERT INTO items (name) VALUES ('x'), ('y');
SELECT currval('items_id_seq'), currval(pg_get_serial_sequence('items', 'id'));
SELECT setval(pg_get_serial_sequence('items', 'id'), (SELECT max(id) FROM items) + 10);
INSERT INTO items (name) VALUES ('z') RETURNING id;
DROP SEQUENCE items_id_seq;
DROP SEQUENCE order_no;
-- owned sequences go with their table; order_no must go by CASCADE
DROP TABLE items;
SELECT nextval('items_id_seq');
DROP SEQUENCE order_no CASCADE;
INSERT INTO orders (no, item) VALUES (5000, 'manual');
INSERT INTO orders (item) VALUES ('no default any more');
SELECT * FROM orders ORDER BY no;
-- ALTER SEQUENCE
ALTER SEQUENCE s2 RESTART WITH 1;
SELECT nextval('s2');
ALTER SEQUENCE s2 INCREMENT BY 100;
SELECT nextval('s2');
ALTER SEQUENCE no_such_seq RESTART;
ALTER SEQUENCE IF EXISTS no_such_seq RESTART;
DROP SEQUENCE IF EXISTS no_such_seq;
DROP SEQUENCE s1, s2, s3;
SELECT nextval('s1');
