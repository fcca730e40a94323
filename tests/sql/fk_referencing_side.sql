-- Foreign keys from the referencing side: INSERT and UPDATE of child rows, NULLs,
-- composite keys under MATCH SIMPLE and MATCH FULL, references to UNIQUE columns,
-- multi-row statements, and the order in which errors are reported.
CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT);
INSERT INTO parent VALUES (1, 'a', 'one'), (2, 'b', 'two'), (3, NULL, 'three');
CREATE TABLE child (
  id SERIAL PRIMARY KEY,
  parent_id INTEGER REFERENCES parent,           -- defaults to the primary key
  parent_code TEXT REFERENCES parent (code),     -- a UNIQUE column can be referenced
  note TEXT
);
INSERT INTO child (parent_id, note) VALUES (1, 'ok');
INSERT INTO child (parent_id, note) VALUES (4, 'missing parent');
INSERT INTO child (parent_code, note) VALUES ('b', 'by code');
INSERT INTO child (parent_code, note) VALUES ('z', 'missing code');
INSERT INTO child (parent_code, note) VALUES ('A', 'codes are case sensitive');
-- NULL never violates a foreign key
INSERT INTO child (parent_id, parent_code, note) VALUES (NULL, NULL, 'no parent at all');
-- the failed inserts consumed serial values: ids have gaps
SELECT * FROM child ORDER BY id;
-- UPDATE of the referencing column is checked too
UPDATE child SET parent_id = 2 WHERE note = 'ok';
UPDATE child SET parent_id = 5 WHERE note = 'ok';
UPDATE child SET parent_id = parent_id + 10 WHERE parent_id IS NOT NULL;
-- Updating another column of a row with a dangling-free key is fine
UPDATE child SET note = 'still ok' WHERE parent_id = 2;
SELECT id, parent_id, parent_code, note FROM child ORDER BY id;
-- Multi-row INSERT: the first bad key is reported, nothing is inserted
INSERT INTO child (parent_id, note) VALUES (1, 'r1'), (7, 'r2'), (8, 'r3');
SELECT count(*) FROM child;
-- NOT NULL and CHECK are checked per row before the foreign key (which runs at end of statement)
CREATE TABLE strict_child (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER NOT NULL REFERENCES parent (id),
  qty INTEGER CHECK (qty > 0)
);
INSERT INTO strict_child VALUES (1, 9, 0);
INSERT INTO strict_child VALUES (1, 9, 1), (1, 1, 1);
INSERT INTO strict_child VALUES (1, 9, 1), (2, NULL, 1);
INSERT INTO strict_child VALUES (1, 9, 1), (2, 1, 1);
INSERT INTO strict_child VALUES (1, 1, 1), (2, 2, 2);
SELECT * FROM strict_child ORDER BY id;
-- Composite foreign keys
CREATE TABLE regions (country TEXT, region TEXT, population INTEGER, PRIMARY KEY (country, region));
INSERT INTO regions VALUES ('BR', 'SP', 46), ('BR', 'RJ', 17), ('US', 'NY', 20);
CREATE TABLE offices (
  id SERIAL PRIMARY KEY,
  country TEXT,
  region TEXT,
  FOREIGN KEY (country, region) REFERENCES regions (country, region)
);
INSERT INTO offices (country, region) VALUES ('BR', 'SP'), ('US', 'NY');
INSERT INTO offices (country, region) VALUES ('US', 'SP');
-- MATCH SIMPLE (the default): any NULL column means the key is not checked
INSERT INTO offices (country, region) VALUES ('XX', NULL), (NULL, 'YY'), (NULL, NULL);
SELECT id, country, region FROM offices ORDER BY id;
-- MATCH FULL: all NULL or all non-NULL
CREATE TABLE offices_full (
  id SERIAL PRIMARY KEY,
  country TEXT,
  region TEXT,
  CONSTRAINT offices_full_region_fk FOREIGN KEY (country, region) REFERENCES regions MATCH FULL
);
INSERT INTO offices_full (country, region) VALUES (NULL, NULL);
INSERT INTO offices_full (country, region) VALUES ('BR', NULL);
INSERT INTO offices_full (country, region) VALUES ('BR', 'RJ');
INSERT INTO offices_full (country, region) VALUES ('BR', 'XX');
SELECT id, country, region FROM offices_full ORDER BY id;
-- Column lists must match the referenced key in number and the target must be unique
CREATE TABLE bad1 (a TEXT, FOREIGN KEY (a) REFERENCES regions (country, region));
CREATE TABLE bad2 (a TEXT, b TEXT, FOREIGN KEY (a, b) REFERENCES regions (country));
CREATE TABLE bad3 (a TEXT REFERENCES regions (country));
CREATE TABLE bad4 (a TEXT REFERENCES parent (nosuchcolumn));
CREATE TABLE bad5 (a TEXT REFERENCES nosuchtable);
CREATE TABLE bad6 (a TEXT, FOREIGN KEY (nosuch) REFERENCES parent (id));
-- Compatible types: int referencing bigint and bigint referencing int both work
CREATE TABLE big_parent (id BIGINT PRIMARY KEY);
INSERT INTO big_parent VALUES (5000000000), (1);
CREATE TABLE small_child (pid INTEGER REFERENCES big_parent);
INSERT INTO small_child VALUES (1);
INSERT INTO small_child VALUES (2);
CREATE TABLE big_child (pid BIGINT REFERENCES parent);
INSERT INTO big_child VALUES (5000000000);
INSERT INTO big_child VALUES (3);
-- Incompatible types are rejected when the constraint is created
CREATE TABLE text_child (pid TEXT REFERENCES parent);
CREATE TABLE numeric_child (pid NUMERIC REFERENCES parent);
-- ...but an implicit conversion to the referenced type is enough: integer may reference numeric,
-- varchar may reference char(n), date may reference timestamptz; float8 may not reference integer
CREATE TABLE num_parent (id NUMERIC PRIMARY KEY);
INSERT INTO num_parent VALUES (1.5), (2);
CREATE TABLE int_to_num (pid INTEGER REFERENCES num_parent);
INSERT INTO int_to_num VALUES (2);
INSERT INTO int_to_num VALUES (1);
CREATE TABLE float_child (pid FLOAT8 REFERENCES parent);
CREATE TABLE code_parent (code CHAR(3) PRIMARY KEY);
INSERT INTO code_parent VALUES ('ab');
CREATE TABLE code_child (code VARCHAR(5) REFERENCES code_parent);
INSERT INTO code_child VALUES ('ab');
INSERT INTO code_child VALUES ('ab ');
INSERT INTO code_child VALUES ('abc');
CREATE TABLE day_parent (at TIMESTAMPTZ PRIMARY KEY);
CREATE TABLE day_child (d DATE REFERENCES day_parent);
CREATE TABLE uuid_child (u UUID REFERENCES parent);
DELETE FROM code_child WHERE code = 'ab';
DELETE FROM code_parent;
DELETE FROM int_to_num;
DELETE FROM num_parent WHERE id = 2;
SELECT * FROM num_parent ORDER BY id;
