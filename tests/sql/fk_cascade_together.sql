-- ON DELETE CASCADE events queued back to back for one foreign key (a cascade or a statement that
-- deleted several parents queues one per parent) run together: all their children are found, then
-- deleted in one pass, with the checks and events of deleting them one by one in the same order.
-- A self-referencing tree: each level's deletes queue the next level's events back to back.
CREATE TABLE node (id integer PRIMARY KEY, parent integer REFERENCES node ON DELETE CASCADE, label text);
CREATE INDEX node_parent ON node (parent);
INSERT INTO node VALUES (1, NULL, 'root');
INSERT INTO node SELECT i, (i - 2) / 3 + 1, 'n' || i FROM generate_series(2, 121) i;
DELETE FROM node WHERE id = 2;
SELECT count(*), min(id), max(id) FROM node;
SELECT count(*) FROM node c LEFT JOIN node p ON p.id = c.parent WHERE c.parent IS NOT NULL AND p.id IS NULL;
DELETE FROM node WHERE id IN (3, 4);
SELECT id, parent FROM node ORDER BY id;
SELECT * FROM node;

-- Three levels; RESTRICT below the last one: the first leaf refused in one-by-one order is reported.
CREATE TABLE g_root (id integer PRIMARY KEY);
CREATE TABLE g_mid (id integer PRIMARY KEY, r integer NOT NULL REFERENCES g_root ON DELETE CASCADE);
CREATE TABLE g_leaf (id integer PRIMARY KEY, m integer NOT NULL REFERENCES g_mid ON DELETE CASCADE, label text);
CREATE TABLE g_pin (id integer PRIMARY KEY, l integer REFERENCES g_leaf ON DELETE RESTRICT);
CREATE INDEX g_mid_r ON g_mid (r);
CREATE INDEX g_leaf_m ON g_leaf (m);
INSERT INTO g_root SELECT generate_series(1, 4);
INSERT INTO g_mid SELECT i, (i - 1) / 3 + 1 FROM generate_series(1, 12) i;
-- Leaf ids run against the mids' order, so the order of deletion is not the order of ids.
INSERT INTO g_leaf SELECT i, 12 - (i - 1) / 4, 'l' || i FROM generate_series(1, 48) i;
INSERT INTO g_pin VALUES (1, 40), (2, 33), (3, 2);
DELETE FROM g_root WHERE id = 1;
DELETE FROM g_root WHERE id IN (2, 4);
SELECT r, count(*) FROM g_mid GROUP BY r ORDER BY r;
SELECT m, count(*) FROM g_leaf GROUP BY m ORDER BY m;
DELETE FROM g_pin WHERE id = 1;
DELETE FROM g_root WHERE id IN (4, 2);
DELETE FROM g_pin;
BEGIN;
SAVEPOINT s;
DELETE FROM g_root WHERE id >= 2;
SELECT count(*) FROM g_mid;
SELECT count(*) FROM g_leaf;
ROLLBACK TO SAVEPOINT s;
SELECT count(*) FROM g_mid;
SELECT count(*) FROM g_leaf;
DELETE FROM g_root WHERE id = 3;
COMMIT;
SELECT m, count(*) FROM g_leaf GROUP BY m ORDER BY m;
SELECT * FROM g_leaf;

-- Deferred NO ACTION references to the deleted leaves: checked at COMMIT, first one reported.
CREATE TABLE d_root (id integer PRIMARY KEY);
CREATE TABLE d_mid (id integer PRIMARY KEY, r integer REFERENCES d_root ON DELETE CASCADE);
CREATE TABLE d_leaf (id integer PRIMARY KEY, m integer REFERENCES d_mid ON DELETE CASCADE);
CREATE TABLE d_pin (id integer PRIMARY KEY, l integer REFERENCES d_leaf DEFERRABLE INITIALLY DEFERRED);
INSERT INTO d_root VALUES (1), (2);
INSERT INTO d_mid SELECT i, (i - 1) / 5 + 1 FROM generate_series(1, 10) i;
INSERT INTO d_leaf SELECT i, 11 - (i + 1) / 2 FROM generate_series(1, 20) i;
INSERT INTO d_pin VALUES (1, 19), (2, 11), (3, 4);
BEGIN;
DELETE FROM d_root WHERE id = 1;
SELECT count(*) FROM d_leaf;
COMMIT;
BEGIN;
DELETE FROM d_root;
DELETE FROM d_pin WHERE id = 3;
COMMIT;
SELECT count(*) FROM d_mid;
SELECT count(*) FROM d_leaf;

-- Child keys without an index (found by scanning), of another type than the parent key, and in
-- two columns with a NULL (MATCH SIMPLE: not a child of anything).
CREATE TABLE s_root (id integer PRIMARY KEY);
CREATE TABLE s_mid (id integer PRIMARY KEY, r integer REFERENCES s_root ON DELETE CASCADE, k integer, UNIQUE (id, k));
CREATE TABLE s_leaf (id integer PRIMARY KEY, m bigint REFERENCES s_mid ON DELETE CASCADE);
CREATE TABLE s_leaf2 (id integer PRIMARY KEY, m integer, k integer, FOREIGN KEY (m, k) REFERENCES s_mid (id, k) ON DELETE CASCADE);
INSERT INTO s_root VALUES (1), (2), (3);
INSERT INTO s_mid SELECT i, (i - 1) / 4 + 1, i % 2 FROM generate_series(1, 12) i;
INSERT INTO s_leaf SELECT i, 13 - (i + 2) / 3 FROM generate_series(1, 36) i;
INSERT INTO s_leaf2 SELECT i, 13 - (i + 1) / 2, CASE WHEN i % 5 = 0 THEN NULL ELSE (13 - (i + 1) / 2) % 2 END FROM generate_series(1, 24) i;
DELETE FROM s_root WHERE id IN (1, 3);
SELECT m, count(*) FROM s_leaf GROUP BY m ORDER BY m;
SELECT * FROM s_leaf2 ORDER BY id;

-- A child table with two foreign keys to one parent: their events alternate and run one by one.
CREATE TABLE t_parent (id integer PRIMARY KEY);
CREATE TABLE t_edge (id integer PRIMARY KEY, a integer REFERENCES t_parent ON DELETE CASCADE, b integer REFERENCES t_parent ON DELETE CASCADE);
CREATE TABLE t_root (id integer PRIMARY KEY);
ALTER TABLE t_parent ADD COLUMN r integer REFERENCES t_root ON DELETE CASCADE;
INSERT INTO t_root VALUES (1), (2);
INSERT INTO t_parent SELECT i, (i - 1) / 5 + 1 FROM generate_series(1, 10) i;
INSERT INTO t_edge SELECT i, (i - 1) % 10 + 1, (i * 3) % 10 + 1 FROM generate_series(1, 30) i;
DELETE FROM t_root WHERE id = 1;
SELECT * FROM t_edge ORDER BY id;

-- An AFTER DELETE row trigger on the children: each parent's children are deleted in turn, as logged.
CREATE TABLE a_log (n serial, msg text);
CREATE FUNCTION a_logged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO a_log (msg) VALUES (TG_TABLE_NAME || ' ' || OLD.id);
  RETURN OLD;
END $$;
CREATE TABLE a_root (id integer PRIMARY KEY);
CREATE TABLE a_mid (id integer PRIMARY KEY, r integer REFERENCES a_root ON DELETE CASCADE);
CREATE TABLE a_leaf (id integer PRIMARY KEY, m integer REFERENCES a_mid ON DELETE CASCADE);
CREATE TRIGGER a_leaf_ad AFTER DELETE ON a_leaf FOR EACH ROW EXECUTE FUNCTION a_logged();
INSERT INTO a_root VALUES (1);
INSERT INTO a_mid SELECT i, 1 FROM generate_series(1, 3) i;
INSERT INTO a_leaf SELECT i, 4 - (i + 1) / 2 FROM generate_series(1, 6) i;
DELETE FROM a_root;
SELECT msg FROM a_log ORDER BY n;
