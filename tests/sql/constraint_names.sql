-- Auto-generated names: t_pkey, t_col_key, t_a_b_key, t_col_fkey, t_a_b_fkey, t_col_check,
-- t_check (multi-column), t_col_seq, numeric suffixes on clashes, 63-byte truncation, quoting,
-- and explicit CONSTRAINT names. Shown through error messages and pg_constraint.
CREATE TABLE t (
  id SERIAL PRIMARY KEY,
  code TEXT UNIQUE,
  a INTEGER,
  b INTEGER,
  qty INTEGER CHECK (qty > 0),
  UNIQUE (a, b),
  CHECK (a < b)
);
INSERT INTO t (code, a, b, qty) VALUES ('x', 1, 2, 1);
INSERT INTO t (id, code) VALUES (1, 'y');
INSERT INTO t (code) VALUES ('x');
INSERT INTO t (a, b) VALUES (1, 2);
INSERT INTO t (qty) VALUES (0);
INSERT INTO t (a, b) VALUES (3, 2);
SELECT pg_get_serial_sequence('t', 'id') AS seq, currval('t_id_seq') AS current;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY conname;
CREATE TABLE r (
  id INTEGER PRIMARY KEY,
  t_id INTEGER REFERENCES t,
  a INTEGER,
  b INTEGER,
  FOREIGN KEY (a, b) REFERENCES t (a, b)
);
INSERT INTO r VALUES (1, 99, NULL, NULL);
INSERT INTO r VALUES (1, NULL, 5, 6);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'r'::regclass ORDER BY conname;
-- clashes get a numeric suffix (the repeated identical UNIQUE is merged into one)
CREATE TABLE twice (c INTEGER UNIQUE, UNIQUE (c), CHECK (c > 0), CHECK (c < 100), CHECK (c <> 50));
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'twice'::regclass ORDER BY conname;
INSERT INTO twice VALUES (50);
INSERT INTO twice VALUES (1), (1);
-- two foreign keys on the same column
CREATE TABLE two_fks (x INTEGER REFERENCES t, FOREIGN KEY (x) REFERENCES r);
SELECT conname FROM pg_constraint WHERE conrelid = 'two_fks'::regclass ORDER BY conname;
INSERT INTO two_fks VALUES (1);
-- a name that is already taken by another relation (the index t_pkey exists)
CREATE TABLE t_pkey_holder (id INTEGER CONSTRAINT t_pkey PRIMARY KEY);
CREATE TABLE t_code_key (id INTEGER);
-- explicit names win, and explicit duplicates are errors
CREATE TABLE named (
  id INTEGER CONSTRAINT named_id PRIMARY KEY,
  v INTEGER CONSTRAINT v_positive CHECK (v > 0) CONSTRAINT v_unique UNIQUE
);
INSERT INTO named VALUES (1, -1);
INSERT INTO named VALUES (1, 1), (2, 1);
CREATE TABLE named_twice (a INTEGER CONSTRAINT same CHECK (a > 0), b INTEGER CONSTRAINT same CHECK (b > 0));
-- long names are cut to 63 bytes by shortening the longest part
CREATE TABLE a_table_with_a_rather_long_name_for_testing_truncation_rules (
  a_column_with_an_even_longer_name_that_goes_on_and_on_and_on_forever INTEGER PRIMARY KEY,
  another_quite_long_column_name_for_the_unique_constraint_test INTEGER UNIQUE
);
SELECT conname, length(conname) FROM pg_constraint
WHERE conrelid = 'a_table_with_a_rather_long_name_for_testing_truncation_rules'::regclass ORDER BY conname;
INSERT INTO a_table_with_a_rather_long_name_for_testing_truncation_rules VALUES (1, 1), (2, 1);
CREATE TABLE fktable2 (
  a_very_very_long_column_name_to_exceed_63_characters_in_the_fk_name INTEGER
    REFERENCES a_table_with_a_rather_long_name_for_testing_truncation_rules
);
SELECT conname FROM pg_constraint WHERE conrelid = 'fktable2'::regclass;
-- identifiers longer than 63 bytes are truncated with a NOTICE
CREATE TABLE this_table_name_is_longer_than_sixty_three_bytes_and_gets_truncated_somewhere (x INTEGER);
SELECT count(*) FROM this_table_name_is_longer_than_sixty_three_bytes_and_gets_truncated_somewhere;
-- mixed-case and special identifiers are quoted where needed in messages
CREATE TABLE "Order Items" ("Order Id" INTEGER PRIMARY KEY, "Qty" INTEGER CHECK ("Qty" > 0));
INSERT INTO "Order Items" VALUES (1, 0);
INSERT INTO "Order Items" VALUES (1, 1), (1, 2);
SELECT conname FROM pg_constraint WHERE conrelid = '"Order Items"'::regclass ORDER BY conname;
-- serial and identity sequence names
CREATE TABLE seqs (a SERIAL, b BIGSERIAL, c SMALLSERIAL, d INTEGER GENERATED ALWAYS AS IDENTITY);
SELECT pg_get_serial_sequence('seqs', 'a') AS a, pg_get_serial_sequence('seqs', 'b') AS b,
       pg_get_serial_sequence('seqs', 'c') AS c, pg_get_serial_sequence('seqs', 'd') AS d;
-- a serial whose default sequence name is taken gets a suffix
CREATE SEQUENCE clash_id_seq;
CREATE TABLE clash (id SERIAL);
SELECT pg_get_serial_sequence('clash', 'id');
-- renaming a constraint, and dropping it by its generated name
ALTER TABLE named RENAME CONSTRAINT v_positive TO v_must_be_positive;
INSERT INTO named VALUES (3, -3);
ALTER TABLE t DROP CONSTRAINT t_qty_check;
INSERT INTO t (qty) VALUES (0);
SELECT qty FROM t WHERE qty = 0;
