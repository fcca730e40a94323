-- ON UPDATE CASCADE reaching several children of one parent key: the children's new versions,
-- their order in the table, the first error among them, and the events they queue must be those
-- of updating the children one by one.
CREATE TABLE p (code text PRIMARY KEY, label text);
INSERT INTO p VALUES ('a', 'A'), ('b', 'B'), ('c', 'C'), ('d', 'D');
CREATE TABLE c (id integer PRIMARY KEY, pc text NOT NULL REFERENCES p (code) ON UPDATE CASCADE, v integer);
CREATE INDEX c_pc ON c (pc);
INSERT INTO c SELECT i, (ARRAY['a', 'b', 'c'])[i % 3 + 1], i FROM generate_series(1, 12) i;
-- one parent, several children; scan order shows where the new versions went
UPDATE p SET code = 'aa' WHERE code = 'a';
SELECT * FROM c;
-- several parents in one statement, including a key swap through an unused value
UPDATE p SET code = CASE code WHEN 'b' THEN 'c2' WHEN 'c' THEN 'b2' ELSE code END WHERE code IN ('b', 'c');
SELECT * FROM c;
UPDATE p SET code = code || 'x';
SELECT * FROM c ORDER BY id;
-- a parent updated twice in one transaction, and a rollback of a cascade
BEGIN;
UPDATE p SET code = 'q' WHERE code = 'aax';
UPDATE p SET code = 'r' WHERE code = 'q';
SELECT pc, count(*) FROM c GROUP BY pc ORDER BY pc;
ROLLBACK;
SELECT pc, count(*) FROM c GROUP BY pc ORDER BY pc;
-- a CHECK that fails for a later child: nothing changes, the error names that child
ALTER TABLE c ADD CONSTRAINT c_len CHECK (length(pc) < 4 OR v < 5);
UPDATE p SET code = 'long' WHERE code = 'aax';
SELECT * FROM c ORDER BY id;
ALTER TABLE c DROP CONSTRAINT c_len;
-- an error evaluating a CHECK, on a later child
ALTER TABLE c ADD CONSTRAINT c_div CHECK (CASE WHEN pc = 'aax' THEN true ELSE 10 / (v - 6) > -100 END);
UPDATE p SET code = 'e' WHERE code = 'aax';
ALTER TABLE c DROP CONSTRAINT c_div;
-- a child column too short for the new key (assignment cast fails)
CREATE TABLE cs (id integer PRIMARY KEY, pc varchar(3) REFERENCES p (code) ON UPDATE CASCADE);
INSERT INTO cs VALUES (1, 'dx'), (2, 'dx'), (3, 'b2x');
UPDATE p SET code = 'dddd' WHERE code = 'dx';
UPDATE p SET code = 'ddd' WHERE code = 'dx';
SELECT * FROM cs;
-- a unique index over the key column: the cascade writes its children one by one
CREATE TABLE cu (id integer PRIMARY KEY, pc text REFERENCES p (code) ON UPDATE CASCADE, n integer, UNIQUE (pc, n));
INSERT INTO cu VALUES (1, 'ddd', 1), (2, 'ddd', 2), (3, 'b2x', 1);
UPDATE p SET code = 'd4' WHERE code = 'ddd';
SELECT * FROM cu;
-- a unique key that does not hold the changed column, and a second foreign key on the child
CREATE TABLE other (k integer PRIMARY KEY);
INSERT INTO other VALUES (1), (2);
CREATE TABLE c2 (id integer PRIMARY KEY, pc text REFERENCES p (code) ON UPDATE CASCADE ON DELETE CASCADE,
  ok integer REFERENCES other DEFERRABLE INITIALLY DEFERRED, tag text UNIQUE);
INSERT INTO c2 VALUES (1, 'd4', 1, 't1'), (2, 'd4', 2, 't2'), (3, 'd4', NULL, 't3'), (4, 'c2x', 1, NULL);
UPDATE p SET code = 'd5' WHERE code = 'd4';
SELECT * FROM c2;
-- rows written in this transaction are checked again; a deferred check still fails at commit
BEGIN;
INSERT INTO c2 VALUES (5, 'd5', 3, 't5'), (6, 'd5', 1, 't6');
UPDATE p SET code = 'd6' WHERE code = 'd5';
SELECT * FROM c2 ORDER BY id;
COMMIT;
SELECT * FROM c2 ORDER BY id;
-- two foreign keys of one child on the same parent
CREATE TABLE c3 (id integer PRIMARY KEY, x text REFERENCES p (code) ON UPDATE CASCADE, y text REFERENCES p (code) ON UPDATE CASCADE);
INSERT INTO c3 VALUES (1, 'd5', 'd5'), (2, 'd5', 'c2x'), (3, 'c2x', 'd5');
UPDATE p SET code = 'd7' WHERE code = 'd5';
SELECT * FROM c3;
UPDATE p SET code = CASE code WHEN 'd7' THEN 'c9' ELSE 'd9' END WHERE code IN ('d7', 'c2x');
SELECT * FROM c3;
-- a row trigger on the child (the cascade then writes its children one by one)
CREATE FUNCTION c_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE NOTICE '% % % -> %', TG_WHEN, TG_OP, OLD.pc, NEW.pc; RETURN NEW; END $$;
CREATE TRIGGER c_after AFTER UPDATE ON c FOR EACH ROW EXECUTE FUNCTION c_trg();
UPDATE p SET code = 'f' WHERE code = 'b2x';
DROP TRIGGER c_after ON c;
CREATE TRIGGER c_before BEFORE UPDATE ON c FOR EACH ROW EXECUTE FUNCTION c_trg();
UPDATE p SET code = 'g' WHERE code = 'f';
SELECT * FROM c ORDER BY id;
-- a self-referencing tree: children of a renamed node follow it
CREATE TABLE node (name text PRIMARY KEY, up text REFERENCES node (name) ON UPDATE CASCADE ON DELETE CASCADE);
CREATE INDEX node_up ON node (up);
INSERT INTO node VALUES ('root', NULL), ('x', 'root'), ('y', 'root'), ('z', 'root'), ('x1', 'x'), ('x2', 'x');
UPDATE node SET name = 'ROOT' WHERE name = 'root';
UPDATE node SET name = 'X' WHERE name = 'x';
SELECT * FROM node;
UPDATE node SET name = upper(name);
SELECT * FROM node ORDER BY name;
-- a cycle of cascades between two tables
CREATE TABLE ca (k text PRIMARY KEY, bref text);
CREATE TABLE cb (k text PRIMARY KEY, aref text REFERENCES ca (k) ON UPDATE CASCADE);
INSERT INTO ca VALUES ('a1', 'b1'), ('a2', 'b1');
INSERT INTO cb VALUES ('b1', 'a1'), ('b2', 'a1'), ('b3', 'a2');
ALTER TABLE ca ADD FOREIGN KEY (bref) REFERENCES cb (k) ON UPDATE CASCADE;
UPDATE ca SET k = 'A1' WHERE k = 'a1';
UPDATE cb SET k = 'B1' WHERE k = 'b1';
SELECT * FROM ca;
SELECT * FROM cb;
-- NOT NULL: setting the parent key to NULL is refused by the first child
CREATE TABLE pn (k integer UNIQUE);
INSERT INTO pn VALUES (1);
CREATE TABLE cn (id integer PRIMARY KEY, k integer NOT NULL REFERENCES pn (k) ON UPDATE CASCADE);
INSERT INTO cn VALUES (1, 1), (2, 1);
UPDATE pn SET k = NULL;
-- a wider child type (integer parent, bigint child)
CREATE TABLE cw (id integer PRIMARY KEY, k bigint REFERENCES pn (k) ON UPDATE CASCADE);
CREATE INDEX cw_k ON cw (k);
INSERT INTO cw VALUES (1, 1), (2, 1), (3, 1);
DELETE FROM cn;
UPDATE pn SET k = 2;
SELECT * FROM cw;
-- checks of many rows of one key run back to back: the first missing key is the one reported
INSERT INTO c VALUES (100, 'aax', 1), (101, 'aax', 2), (102, 'zz', 3), (103, 'yy', 4);
INSERT INTO c3 VALUES (10, 'c9', 'd9'), (11, 'd9', 'c9'), (12, 'c9', 'nope'), (13, 'nope2', 'c9');
INSERT INTO c SELECT 200 + i, CASE WHEN i = 7 THEN 'missing' ELSE 'aax' END, i FROM generate_series(1, 10) i;
UPDATE c SET pc = CASE WHEN id = 7 THEN 'gone' ELSE pc END;
SELECT count(*) FROM c;
