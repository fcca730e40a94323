-- CREATE DOMAIN with NOT NULL, CHECK on VALUE and DEFAULT; checked on INSERT, UPDATE, COPY,
-- casts and defaults; domain over domain; ALTER DOMAIN; DROP DOMAIN; catalog rows.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN nn_text text NOT NULL;
CREATE DOMAIN code AS varchar(5) DEFAULT 'none' CONSTRAINT code_upper CHECK (VALUE = upper(VALUE) OR VALUE = 'none');
CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));
SELECT 5::posint, '7'::posint, 2012::year;
SELECT (-1)::posint;
SELECT 0::posint;
SELECT NULL::posint IS NULL;
SELECT NULL::nn_text;
SELECT 'abc'::posint;
SELECT 1800::year;
SELECT 'toolong'::code;
SELECT 'AB'::code, pg_typeof('AB'::code), pg_typeof(1::posint + 1);
CREATE TABLE items (id posint PRIMARY KEY, name nn_text, c code, y year);
INSERT INTO items (id, name) VALUES (1, 'one');
INSERT INTO items VALUES (2, 'two', 'XY', 1999), (3, 'three', DEFAULT, NULL);
INSERT INTO items VALUES (0, 'zero');
INSERT INTO items VALUES (4, NULL);
INSERT INTO items (id) VALUES (5);
INSERT INTO items VALUES (6, 'six', 'lower');
INSERT INTO items VALUES (7, 'seven', 'ABCDEFG');
INSERT INTO items VALUES (8, 'eight', NULL, 1900);
SELECT * FROM items ORDER BY id;
UPDATE items SET id = -id WHERE id = 2;
UPDATE items SET name = NULL WHERE id = 1;
UPDATE items SET y = y + 200 WHERE id = 2;
UPDATE items SET id = id + 10, c = DEFAULT WHERE id = 2;
SELECT * FROM items ORDER BY id;
SELECT id + 1, name || '!' FROM items ORDER BY id;
COPY items (id, name) FROM stdin;
20	twenty
\.
COPY items (id, name) FROM stdin;
-3	minus
\.
COPY items (id, name) FROM stdin;
21	\N
\.
SELECT * FROM items ORDER BY id;
-- domain over domain
CREATE DOMAIN small_posint AS posint CHECK (VALUE < 100);
SELECT 50::small_posint;
SELECT 500::small_posint;
SELECT (-5)::small_posint;
CREATE TABLE sp (v small_posint);
INSERT INTO sp VALUES (10), (99);
INSERT INTO sp VALUES (100);
INSERT INTO sp SELECT '42';
INSERT INTO sp SELECT '420';
SELECT * FROM sp ORDER BY v;
-- ALTER DOMAIN
ALTER DOMAIN posint ADD CONSTRAINT posint_even CHECK (VALUE % 2 = 0);
ALTER DOMAIN posint ADD CONSTRAINT posint_small CHECK (VALUE < 1000);
SELECT 998::posint;
SELECT 1002::posint;
ALTER DOMAIN posint ADD CONSTRAINT posint_notten CHECK (VALUE <> 10) NOT VALID;
SELECT conname, contype, convalidated FROM pg_constraint WHERE contypid = (SELECT oid FROM pg_type WHERE typname = 'posint') ORDER BY 1;
SELECT 10::posint;
ALTER DOMAIN posint VALIDATE CONSTRAINT posint_notten;
DELETE FROM sp WHERE v = 10;
ALTER DOMAIN posint VALIDATE CONSTRAINT posint_notten;
ALTER DOMAIN posint DROP CONSTRAINT posint_small;
ALTER DOMAIN posint DROP CONSTRAINT posint_small;
ALTER DOMAIN posint DROP CONSTRAINT IF EXISTS posint_small;
ALTER DOMAIN posint RENAME CONSTRAINT posint_notten TO posint_not_ten;
SELECT 10::posint;
ALTER DOMAIN code SET DEFAULT 'DFLT';
INSERT INTO items (id, name) VALUES (30, 'thirty');
ALTER DOMAIN code DROP DEFAULT;
INSERT INTO items (id, name) VALUES (32, 'thirty-two');
SELECT id, c FROM items WHERE id >= 30 ORDER BY id;
ALTER DOMAIN code SET NOT NULL;
DELETE FROM items WHERE c IS NULL;
ALTER DOMAIN code SET NOT NULL;
INSERT INTO items (id, name) VALUES (34, 'x');
ALTER DOMAIN code DROP NOT NULL;
INSERT INTO items (id, name) VALUES (34, 'x');
ALTER DOMAIN year RENAME TO yr;
SELECT 2000::yr;
SELECT 2000::year;
SELECT typname, typtype, typnotnull, typbasetype = 23 AS on_int4 FROM pg_type WHERE typname IN ('posint', 'yr', 'nn_text') ORDER BY 1;
SELECT typname, typtype, typnotnull FROM pg_type WHERE typname IN ('posint', 'yr', 'nn_text', 'small_posint', 'code') ORDER BY 1;
-- DROP DOMAIN
DROP DOMAIN posint;
DROP DOMAIN small_posint;
DROP DOMAIN small_posint CASCADE;
DROP TABLE sp;
DROP DOMAIN IF EXISTS nosuch;
DROP DOMAIN nosuch;
DROP DOMAIN yr CASCADE;
SELECT * FROM items ORDER BY id;
-- catalog: columns of a domain have the domain's oid (and no typmod of their own)
CREATE DOMAIN shortcode AS varchar(5);
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE cat (c shortcode, m level, v varchar(5));
SELECT attname, atttypid = (SELECT oid FROM pg_type WHERE typname = 'shortcode') AS is_domain, atttypmod, attlen, attbyval FROM pg_attribute WHERE attrelid = 'cat'::regclass AND attnum > 0 ORDER BY attnum;
SELECT typname, typtype, typtypmod, typbasetype, typlen, typbyval, typalign, typstorage, typcollation FROM pg_type WHERE typname IN ('shortcode', 'level') ORDER BY 1;
INSERT INTO cat VALUES ('abcdef');
INSERT INTO cat VALUES ('abc', 'high', 'xyz');
SELECT c, m, c || m, length(c) FROM cat;
-- COMMENT ON TYPE / DOMAIN
COMMENT ON DOMAIN shortcode IS 'short codes';
COMMENT ON TYPE level IS 'levels';
COMMENT ON DOMAIN level IS 'x';
COMMENT ON TYPE nosuch IS 'x';
SELECT typname, obj_description(oid, 'pg_type') FROM pg_type WHERE typname IN ('shortcode', 'level') ORDER BY 1;
COMMENT ON TYPE level IS NULL;
SELECT typname, obj_description(oid, 'pg_type') FROM pg_type WHERE typname IN ('shortcode', 'level') ORDER BY 1;

-- A domain over an array type keeps its element type (in results and on the wire).
create domain pos_ints as int[] check (value[1] > 0);
create table dom_arr (id int primary key, v pos_ints);
insert into dom_arr values (1, '{1,2}'), (2, array[3,4]);
insert into dom_arr values (3, '{0,1}');
select id, v, v[2] from dom_arr order by id;
drop table dom_arr;
drop domain pos_ints;
