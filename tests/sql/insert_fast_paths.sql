-- Single-row INSERTs run again and again (a kept plan, a reused row writer, sequence defaults
-- evaluated without a function call): the same results and errors as any other insert.
CREATE SEQUENCE s;
CREATE TABLE a (id int DEFAULT nextval('s'), v int);
SELECT setval('s', 2147483646);
INSERT INTO a (v) VALUES (1);
INSERT INTO a (v) VALUES (1);
SELECT currval('s');
INSERT INTO a (v) VALUES (1);
CREATE TABLE b (id smallint DEFAULT nextval('s'), v int);
SELECT setval('s', 5);
INSERT INTO b (v) VALUES (1);
SELECT setval('s', 32767);
INSERT INTO b (v) VALUES (1);
SELECT setval('s', -40000);
ALTER SEQUENCE s MINVALUE -50000;
SELECT setval('s', -40000);
INSERT INTO b (v) VALUES (1);
CREATE TABLE c (id int GENERATED ALWAYS AS IDENTITY (MAXVALUE 2), v int);
INSERT INTO c (v) VALUES (1);
INSERT INTO c (v) VALUES (1);
INSERT INTO c (v) VALUES (1);
INSERT INTO c OVERRIDING USER VALUE VALUES (10, 4);
INSERT INTO c (id, v) VALUES (10, 4);
CREATE TABLE d (id bigserial, v int, w text DEFAULT 'x', n int DEFAULT nextval('s')::int);
INSERT INTO d VALUES (DEFAULT, 1);
INSERT INTO d (w, v) VALUES ('y', 2);
INSERT INTO d VALUES (7);
INSERT INTO d VALUES (7);
CREATE DOMAIN small_id AS int CHECK (VALUE < 3);
CREATE SEQUENCE s2;
CREATE TABLE e (id small_id DEFAULT nextval('s2'), v int);
INSERT INTO e (v) VALUES (1);
INSERT INTO e (v) VALUES (1);
INSERT INTO e (v) VALUES (1);
SELECT * FROM a ORDER BY 1;
SELECT * FROM b ORDER BY 1;
SELECT * FROM c ORDER BY 1;
SELECT * FROM d ORDER BY 1;
SELECT * FROM e ORDER BY 1;
-- A child insert repeated: found and missing parents, a duplicate, a NOT NULL and a CHECK violation,
-- each followed by a good row, inside and outside a transaction block.
CREATE TABLE parent (id serial PRIMARY KEY, code text NOT NULL UNIQUE);
INSERT INTO parent (code) VALUES ('p1');
INSERT INTO parent (code) VALUES ('p2');
INSERT INTO parent (code) VALUES ('p1');
INSERT INTO parent (code) VALUES ('p3');
CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent (id), v int NOT NULL CHECK (v > 0));
INSERT INTO child (parent_id, v) VALUES (1, 1);
INSERT INTO child (parent_id, v) VALUES (9, 1);
INSERT INTO child (parent_id, v) VALUES (2, 1);
INSERT INTO child (parent_id, v) VALUES (NULL, 1);
INSERT INTO child (parent_id, v) VALUES (2, NULL);
INSERT INTO child (parent_id, v) VALUES (2, -1);
INSERT INTO child (parent_id, v) VALUES (3, 1);
BEGIN;
INSERT INTO child (parent_id, v) VALUES (1, 2);
INSERT INTO child (parent_id, v) VALUES (1, 2);
INSERT INTO child (parent_id, v) VALUES (8, 2);
INSERT INTO child (parent_id, v) VALUES (1, 2);
ROLLBACK;
BEGIN;
INSERT INTO child (parent_id, v) VALUES (1, 3);
SAVEPOINT sp;
INSERT INTO child (parent_id, v) VALUES (8, 3);
ROLLBACK TO sp;
INSERT INTO child (parent_id, v) VALUES (2, 3);
COMMIT;
SELECT * FROM child ORDER BY id;
-- A deferred foreign key: the checks of a repeated insert wait for COMMIT.
CREATE TABLE dchild (id serial, parent_id int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO dchild (parent_id) VALUES (1);
INSERT INTO dchild (parent_id) VALUES (7);
INSERT INTO dchild (parent_id) VALUES (1);
COMMIT;
BEGIN;
INSERT INTO dchild (parent_id) VALUES (1);
INSERT INTO dchild (parent_id) VALUES (2);
COMMIT;
SELECT * FROM dchild ORDER BY id;
-- A trigger that inserts into the same table through its own statement, while the outer insert runs.
CREATE TABLE log (id serial, note text);
CREATE FUNCTION log_twice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.note NOT LIKE 'echo%' THEN
    INSERT INTO log (note) VALUES ('echo ' || NEW.note);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER log_twice AFTER INSERT ON log FOR EACH ROW EXECUTE FUNCTION log_twice();
INSERT INTO log (note) VALUES ('a');
INSERT INTO log (note) VALUES ('a');
INSERT INTO log (note) VALUES ('b');
SELECT * FROM log ORDER BY id;

-- Multi-row VALUES: every list must have the first one's length, checked row by row before the
-- target columns, as PostgreSQL does; nothing is inserted.
CREATE TABLE vl (a int, b numeric);
INSERT INTO vl VALUES (1), (2, 3.5);
INSERT INTO vl VALUES (1, 2), (3);
INSERT INTO vl VALUES (1, 2, 3), (4);
INSERT INTO vl VALUES (1), (2, 3, 4);
INSERT INTO vl (a) VALUES (1), (2, 3);
INSERT INTO vl VALUES (1), (2) RETURNING *;
SELECT * FROM vl ORDER BY a;
