-- Referential actions over many children per key, on the paths a cascade takes per child row:
-- children found through an index (in FK order or not, full or prefix) or by a scan; RESTRICT and
-- NO ACTION refusing at the first child; triggers running between two cascaded rows; child
-- indexes whose key an ON UPDATE CASCADE keeps or changes; repeated checks of one parent key
-- while something changes the parent between them; savepoints around all of it.
CREATE TABLE root (id integer PRIMARY KEY, label text NOT NULL);
CREATE TABLE mid (id integer PRIMARY KEY, root_id integer NOT NULL REFERENCES root ON DELETE CASCADE, label text);
CREATE TABLE leaf (id integer PRIMARY KEY, mid_id integer NOT NULL REFERENCES mid ON DELETE CASCADE, label text);
CREATE INDEX mid_root ON mid (root_id);
CREATE INDEX leaf_mid ON leaf (mid_id, label);
INSERT INTO root SELECT i, 'r' || i FROM generate_series(1, 6) i;
INSERT INTO mid SELECT i, (i - 1) / 4 + 1, 'm' || i FROM generate_series(1, 24) i;
INSERT INTO leaf SELECT i, (i - 1) / 3 + 1, 'l' || i FROM generate_series(1, 72) i;
DELETE FROM root WHERE id = 2;
DELETE FROM root WHERE id IN (4, 5);
SELECT count(*), min(id), max(id) FROM mid;
SELECT count(*), min(id), max(id) FROM leaf;
SELECT m.root_id, count(*) FROM leaf l JOIN mid m ON m.id = l.mid_id GROUP BY m.root_id ORDER BY 1;

-- A BEFORE DELETE trigger on the child that deletes a sibling first: the sibling is not deleted twice.
CREATE TABLE log (n serial, msg text);
CREATE FUNCTION mid_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (msg) VALUES ('before delete mid ' || OLD.id);
  IF OLD.id % 4 = 1 THEN DELETE FROM mid WHERE id = OLD.id + 1; END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER mid_bd BEFORE DELETE ON mid FOR EACH ROW EXECUTE FUNCTION mid_before_delete();
DELETE FROM root WHERE id = 1;
SELECT msg FROM log ORDER BY n;
SELECT id FROM mid WHERE id <= 4;
SELECT count(*) FROM leaf WHERE mid_id <= 4;
-- A BEFORE DELETE trigger that skips a cascaded delete leaves that child behind.
CREATE OR REPLACE FUNCTION mid_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id = 22 THEN RETURN NULL; END IF;
  RETURN OLD;
END $$;
DELETE FROM root WHERE id = 6;
SELECT id, root_id FROM mid WHERE root_id = 6 ORDER BY id;
DROP TRIGGER mid_bd ON mid;

-- RESTRICT and NO ACTION with several children: the first child found refuses, with the same message.
CREATE TABLE rp (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE rc_restrict (id integer PRIMARY KEY, pid integer REFERENCES rp ON DELETE RESTRICT ON UPDATE RESTRICT);
CREATE TABLE rc_noaction (id integer PRIMARY KEY, pcode text REFERENCES rp (code));
CREATE INDEX rc_restrict_pid ON rc_restrict (pid);
INSERT INTO rp SELECT i, 'c' || i FROM generate_series(1, 10) i;
INSERT INTO rc_restrict SELECT i, 2 * ((i - 1) % 3 + 1) FROM generate_series(1, 30) i;
INSERT INTO rc_noaction SELECT i, 'c' || (2 * ((i - 1) % 3 + 1) + 1) FROM generate_series(1, 30) i;
BEGIN;
SAVEPOINT a;
DELETE FROM rp WHERE id = 1;
RELEASE SAVEPOINT a;
SAVEPOINT a;
DELETE FROM rp WHERE id = 2;
ROLLBACK TO SAVEPOINT a;
RELEASE SAVEPOINT a;
SAVEPOINT a;
DELETE FROM rp WHERE id = 3;
ROLLBACK TO SAVEPOINT a;
SAVEPOINT a;
UPDATE rp SET id = 40 WHERE id = 4;
ROLLBACK TO SAVEPOINT a;
SAVEPOINT a;
UPDATE rp SET code = 'x7' WHERE id = 7;
ROLLBACK TO SAVEPOINT a;
-- NO ACTION passes when another row supplies the key again within the statement
UPDATE rp SET code = CASE code WHEN 'c3' THEN 'c5' WHEN 'c5' THEN 'c3' END WHERE id IN (3, 5);
SAVEPOINT b;
DELETE FROM rp WHERE id = 9;
RELEASE SAVEPOINT b;
COMMIT;
SELECT id, code FROM rp ORDER BY id;
-- a row referencing itself, deleted in the statement that checks RESTRICT
CREATE TABLE selfref (id integer PRIMARY KEY, up integer REFERENCES selfref ON DELETE RESTRICT);
CREATE INDEX selfref_up ON selfref (up);
INSERT INTO selfref VALUES (1, 1), (2, 1), (3, 3);
DELETE FROM selfref WHERE id = 3;
DELETE FROM selfref WHERE id = 1;
DELETE FROM selfref WHERE id IN (1, 2);
SELECT * FROM selfref;

-- ON UPDATE CASCADE to many children, whose other indexes keep their keys (unique, unique
-- deferrable, partial, expression) while the FK index changes.
CREATE TABLE up (code text PRIMARY KEY, label text);
CREATE TABLE uc (id integer PRIMARY KEY, pcode text NOT NULL REFERENCES up ON UPDATE CASCADE, v integer,
  tag text, UNIQUE (tag) DEFERRABLE);
CREATE INDEX uc_pcode ON uc (pcode);
CREATE UNIQUE INDEX uc_v_partial ON uc (v) WHERE v > 100;
CREATE INDEX uc_lower ON uc (lower(pcode));
CREATE UNIQUE INDEX uc_id_pcode ON uc (id, pcode);
INSERT INTO up SELECT 'k' || i, 'key ' || i FROM generate_series(1, 5) i;
INSERT INTO uc SELECT i, 'k' || ((i - 1) % 5 + 1), i * 10, 't' || i FROM generate_series(1, 40) i;
UPDATE up SET code = 'N1' WHERE code = 'k1';
UPDATE up SET code = 'n' || substr(code, 2) WHERE code IN ('k2', 'k3');
SELECT pcode, count(*), min(id), max(id) FROM uc GROUP BY pcode ORDER BY pcode;
SELECT id FROM uc WHERE lower(pcode) = 'n1' ORDER BY id;
SELECT id, v FROM uc WHERE v > 350 ORDER BY v;
-- the unique indexes still refuse duplicates after the rows moved
INSERT INTO uc VALUES (41, 'n2', 400, 't41');
INSERT INTO uc VALUES (41, 'n2', 410, 't1');
BEGIN;
UPDATE uc SET tag = 't2' WHERE id = 1;
UPDATE up SET code = 'm4' WHERE code = 'k4';
COMMIT;
SELECT pcode, count(*) FROM uc GROUP BY pcode ORDER BY pcode;
-- a BEFORE UPDATE trigger that changes a sibling the cascade has yet to reach
CREATE FUNCTION uc_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id = 5 THEN UPDATE uc SET v = v + 1 WHERE id = 10; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER uc_bu BEFORE UPDATE ON uc FOR EACH ROW EXECUTE FUNCTION uc_before();
UPDATE up SET code = 'm5' WHERE code = 'k5';
SELECT pcode, count(*) FROM uc GROUP BY pcode ORDER BY pcode;
-- one that changes a sibling the cascade has already passed is fine
CREATE OR REPLACE FUNCTION uc_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id = 10 THEN UPDATE uc SET v = v + 1 WHERE id = 5; END IF;
  RETURN NEW;
END $$;
UPDATE up SET code = 'm5' WHERE code = 'k5';
SELECT id, pcode, v FROM uc WHERE id IN (5, 10) ORDER BY id;
DROP TRIGGER uc_bu ON uc;

-- Child checks of one key with the parent changed between them by an AFTER trigger of each
-- cascaded row: a later check sees the change.
CREATE TABLE tp (code text PRIMARY KEY, hits integer DEFAULT 0);
CREATE TABLE tc (id integer PRIMARY KEY, pcode text REFERENCES tp ON UPDATE CASCADE DEFERRABLE);
CREATE INDEX tc_pcode ON tc (pcode);
INSERT INTO tp VALUES ('a'), ('b');
INSERT INTO tc SELECT i, 'a' FROM generate_series(1, 5) i;
CREATE FUNCTION tc_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tp SET hits = hits + 1 WHERE code = NEW.pcode;
  RETURN NULL;
END $$;
CREATE TRIGGER zz_tc_after AFTER UPDATE ON tc FOR EACH ROW EXECUTE FUNCTION tc_after();
UPDATE tp SET code = 'a2' WHERE code = 'a';
SELECT * FROM tp ORDER BY code;
SELECT pcode, count(*) FROM tc GROUP BY pcode;
-- the parent goes away between the deferred checks of its children: a constraint trigger runs first
CREATE FUNCTION drop_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id = 7 THEN DELETE FROM tp WHERE code = 'b'; END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER tc_drop AFTER INSERT ON tc DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION drop_parent();
BEGIN;
SET CONSTRAINTS tc_pcode_fkey DEFERRED;
INSERT INTO tc VALUES (6, 'b');
INSERT INTO tc VALUES (7, 'b');
INSERT INTO tc VALUES (8, 'b');
COMMIT;
SELECT * FROM tp ORDER BY code;
SELECT id, pcode FROM tc WHERE id > 5 ORDER BY id;

-- SET DEFAULT to the very key that went away: the NO ACTION re-check finds a child.
CREATE TABLE dp (id integer PRIMARY KEY);
CREATE TABLE dc (id integer PRIMARY KEY, pid integer DEFAULT 1 REFERENCES dp ON DELETE SET DEFAULT);
CREATE INDEX dc_pid ON dc (pid);
INSERT INTO dp VALUES (1), (2);
INSERT INTO dc SELECT i, 1 + i % 2 FROM generate_series(1, 6) i;
DELETE FROM dp WHERE id = 2;
SELECT pid, count(*) FROM dc GROUP BY pid;
DELETE FROM dp WHERE id = 1;
SELECT pid, count(*) FROM dc GROUP BY pid;

-- Savepoints around DDL: a table created, written and dropped in savepoints, rolled back and released.
BEGIN;
CREATE TABLE sp1 (id integer PRIMARY KEY);
INSERT INTO sp1 VALUES (1);
SAVEPOINT s1;
INSERT INTO sp1 VALUES (2);
SAVEPOINT s2;
DROP TABLE sp1;
SAVEPOINT s3;
CREATE TABLE sp2 (id integer);
INSERT INTO sp2 VALUES (9);
ROLLBACK TO SAVEPOINT s2;
SELECT * FROM sp1 ORDER BY id;
SAVEPOINT s4;
INSERT INTO sp1 VALUES (3);
RELEASE SAVEPOINT s4;
ROLLBACK TO SAVEPOINT s1;
SELECT * FROM sp1 ORDER BY id;
SELECT * FROM sp2;
COMMIT;
SELECT * FROM sp1 ORDER BY id;

-- Plain DELETE and UPDATE whose BEFORE ROW trigger changes a row the statement has yet to reach.
CREATE TABLE tm (id integer PRIMARY KEY, g integer);
INSERT INTO tm SELECT i, 1 FROM generate_series(1, 4) i;
CREATE FUNCTION tm_bd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id = 1 THEN DELETE FROM tm WHERE id = 2; END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER tm_bd BEFORE DELETE ON tm FOR EACH ROW EXECUTE FUNCTION tm_bd();
DELETE FROM tm WHERE g = 1;
SELECT * FROM tm ORDER BY id;
-- reaching back to a row already deleted is fine
CREATE OR REPLACE FUNCTION tm_bd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id = 3 THEN DELETE FROM tm WHERE id = 1; END IF;
  RETURN OLD;
END $$;
DELETE FROM tm WHERE id IN (1, 3);
SELECT * FROM tm ORDER BY id;
DROP TRIGGER tm_bd ON tm;
INSERT INTO tm VALUES (1, 1), (3, 1);
CREATE FUNCTION tm_bu() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id = 1 THEN UPDATE tm SET g = 5 WHERE id = 2; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER tm_bu BEFORE UPDATE ON tm FOR EACH ROW EXECUTE FUNCTION tm_bu();
UPDATE tm SET g = 2 WHERE g = 1;
SELECT * FROM tm ORDER BY id;
UPDATE tm SET g = 3 WHERE id IN (1, 3);
SELECT * FROM tm ORDER BY id;

-- A cascade deleting many children at once from a table with partial, expression and unique
-- indexes, children of several parents interleaved in storage: the indexes stay exact.
CREATE TABLE xp (id integer PRIMARY KEY);
CREATE TABLE xc (id integer PRIMARY KEY, pid integer REFERENCES xp ON DELETE CASCADE, name text, n integer);
CREATE INDEX xc_pid ON xc (pid);
CREATE INDEX xc_big ON xc (n) WHERE n > 50;
CREATE INDEX xc_upper ON xc (upper(name));
CREATE UNIQUE INDEX xc_name ON xc (name);
INSERT INTO xp SELECT generate_series(1, 5);
INSERT INTO xc SELECT i, (i * 7) % 5 + 1, 'name' || i, i FROM generate_series(1, 100) i;
DELETE FROM xp WHERE id IN (2, 4);
SET enable_seqscan = off;
SELECT count(*) FROM xc WHERE n > 50;
SELECT id FROM xc WHERE upper(name) = 'NAME13';
SELECT id FROM xc WHERE upper(name) = 'NAME10';
SELECT count(*) FROM xc WHERE pid IN (2, 4);
INSERT INTO xc VALUES (101, 1, 'name10', 1);
INSERT INTO xc VALUES (102, 1, 'name13', 1);
RESET enable_seqscan;
SELECT pid, count(*), sum(n) FROM xc GROUP BY pid ORDER BY pid;
