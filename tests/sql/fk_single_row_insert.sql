-- A statement that inserts one row has its parent keys probed before the row is written
-- (RowWriter.EarlyParentCheck.cs). Every error and its order must stay PostgreSQL's.
CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE p2 (a int, b int, UNIQUE (a, b));
INSERT INTO p VALUES (1, 'one'), (2, 'two');
INSERT INTO p2 VALUES (1, 1);
CREATE TABLE c (id serial PRIMARY KEY, pid int REFERENCES p, pcode text REFERENCES p (code), u int UNIQUE, v int CHECK (v > 0));

-- found, missing, the second key missing, NULL keys
INSERT INTO c (pid, pcode, u, v) VALUES (1, 'one', 1, 1);
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', 2, 1);
INSERT INTO c (pid, pcode, u, v) VALUES (1, 'three', 3, 1);
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'three', 4, 1);
INSERT INTO c (pid, pcode, u, v) VALUES (NULL, NULL, 5, 1);
INSERT INTO c (pid, pcode, u, v) VALUES (NULL, 'nope', 6, 1);

-- errors raised as the row is written come before the missing parent
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', 1, 1);
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', 7, 0);
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', 7, NULL);
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', NULL, 1);

-- so do errors of index predicates and expressions
CREATE INDEX c_expr ON c ((100 / (v - 5)));
CREATE INDEX c_partial ON c (u) WHERE 10 / (v - 6) > 0;
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', 8, 5);
INSERT INTO c (pid, pcode, u, v) VALUES (3, 'one', 8, 6);
DROP INDEX c_expr, c_partial;

-- a sequence value drawn for a rejected row stays drawn
SELECT last_value FROM c_id_seq;
SELECT id, pid, pcode, u, v FROM c ORDER BY id;

-- prepared, in a block with savepoints
PREPARE ins(int, text, int) AS INSERT INTO c (pid, pcode, u, v) VALUES ($1, $2, $3, 1);
BEGIN;
EXECUTE ins(2, 'two', 10);
SAVEPOINT s;
EXECUTE ins(9, 'two', 11);
ROLLBACK TO SAVEPOINT s;
EXECUTE ins(1, 'one', 11);
EXECUTE ins(9, 'two', 12);
ROLLBACK;
SELECT id, pid, pcode, u FROM c ORDER BY id;

-- RETURNING, DEFAULT VALUES
INSERT INTO c (pid, pcode, u, v) VALUES (2, 'two', 20, 2) RETURNING pid, pcode, u;
INSERT INTO c (pid, pcode, u, v) VALUES (5, 'two', 21, 2) RETURNING pid, pcode, u;
INSERT INTO c DEFAULT VALUES RETURNING pid, u;
-- RETURNING is computed as the row is written, before the end-of-statement check
INSERT INTO c (pid, pcode, u, v) VALUES (5, 'two', 22, 2) RETURNING 1 / 0;
CREATE FUNCTION make_parent(int) RETURNS int LANGUAGE sql AS $$ INSERT INTO p VALUES ($1, 'made ' || $1) RETURNING id $$;
INSERT INTO c (pid, pcode, u, v) VALUES (6, 'two', 23, 2) RETURNING make_parent(pid);
SELECT id, code FROM p WHERE id = 6;

-- multi-column keys, MATCH SIMPLE and MATCH FULL with partial NULLs
CREATE TABLE cs (a int, b int, FOREIGN KEY (a, b) REFERENCES p2 (a, b));
CREATE TABLE cf (a int, b int, pid int, FOREIGN KEY (a, b) REFERENCES p2 (a, b) MATCH FULL, FOREIGN KEY (pid) REFERENCES p);
INSERT INTO cs VALUES (1, 1);
INSERT INTO cs VALUES (1, 2);
INSERT INTO cs VALUES (1, NULL);
INSERT INTO cf VALUES (1, NULL, 1);
INSERT INTO cf VALUES (1, NULL, 9);
INSERT INTO cf VALUES (NULL, NULL, 9);
INSERT INTO cf VALUES (1, 2, 1);

-- a row that references itself, and one whose parent comes later in the same statement
CREATE TABLE tree (id int PRIMARY KEY, parent int REFERENCES tree);
INSERT INTO tree VALUES (1, 1);
INSERT INTO tree VALUES (2, 3);
INSERT INTO tree VALUES (2, 3), (3, 1);
SELECT * FROM tree ORDER BY id;

-- a trigger on the child that adds the missing parent after the row is written
CREATE FUNCTION add_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO p VALUES (NEW.pid, 'added ' || NEW.pid) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
CREATE TABLE ct (pid int REFERENCES p);
CREATE TRIGGER ct_add AFTER INSERT ON ct FOR EACH ROW EXECUTE FUNCTION add_parent();
INSERT INTO ct VALUES (40);
SELECT * FROM p ORDER BY id;

-- a data-modifying WITH that supplies the parent
WITH np AS (INSERT INTO p VALUES (50, 'fifty') RETURNING id)
INSERT INTO c (pid, pcode, u, v) VALUES (50, 'fifty', 50, 1);
WITH dp AS (DELETE FROM p WHERE id = 2 RETURNING id)
INSERT INTO c (pid, pcode, u, v) VALUES (1, 'one', 51, 1);

-- deferrable keys still wait for the end of the statement or the commit
CREATE TABLE cd (pid int REFERENCES p DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO cd VALUES (60);
INSERT INTO p VALUES (60, 'sixty');
COMMIT;
BEGIN;
INSERT INTO cd VALUES (61);
COMMIT;
SELECT * FROM cd;

-- ON CONFLICT and INSERT … SELECT keep the end-of-statement check
INSERT INTO c (pid, pcode, u, v) VALUES (70, 'one', 70, 1) ON CONFLICT (u) DO NOTHING;
INSERT INTO c (pid, pcode, u, v) SELECT 71, 'one', 71, 1;
SELECT count(*) FROM c;
