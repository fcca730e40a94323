-- Column DEFAULTs are bound when the column is created or altered, as PostgreSQL does: a regclass
-- literal (nextval('q')) keeps naming the same sequence after ALTER SEQUENCE … RENAME / SET
-- SCHEMA and whatever the search_path, displays as the sequence's current name (qualified when
-- not visible), and makes DROP SEQUENCE fail with 2BP01 unless CASCADE. ALTER SEQUENCE … SET SCHEMA.
CREATE SEQUENCE q;
CREATE TABLE u (id int DEFAULT nextval('q'), b text DEFAULT 'x', c regclass DEFAULT 'q');
-- what psql's \d shows for each column's default
SELECT a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS "default"
FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = 'u'::regclass ORDER BY a.attnum;
ALTER SEQUENCE q RENAME TO q2;
INSERT INTO u DEFAULT VALUES;
SELECT * FROM u;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u'::regclass ORDER BY adnum;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'u' ORDER BY ordinal_position;
-- the sequence moves to another schema: the default follows it and shows it qualified
CREATE SCHEMA s2;
ALTER SEQUENCE q2 SET SCHEMA s2;
INSERT INTO u (b) VALUES ('moved');
SELECT id, b, c FROM u ORDER BY id;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u'::regclass ORDER BY adnum;
SET search_path = s2, public;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u'::regclass ORDER BY adnum;
-- a session whose search_path does not reach the sequence still draws from it
SET search_path = pg_catalog;
INSERT INTO public.u (b) VALUES ('other path');
SELECT id, b FROM public.u ORDER BY id;
RESET search_path;
-- a default written while the sequence was only visible through search_path
SET search_path = s2, public;
CREATE TABLE public.w (id bigint DEFAULT nextval('q2'));
RESET search_path;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'w'::regclass;
INSERT INTO w DEFAULT VALUES;
SELECT * FROM w;
-- ALTER COLUMN SET DEFAULT binds at ALTER time as well
CREATE SEQUENCE r;
ALTER TABLE w ALTER COLUMN id SET DEFAULT nextval('r') + 100;
ALTER SEQUENCE r RENAME TO r_renamed;
INSERT INTO w DEFAULT VALUES;
SELECT * FROM w ORDER BY id;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'w'::regclass;
-- dropping a sequence a default uses
DROP SEQUENCE s2.q2;
DROP SEQUENCE r_renamed;
DROP SEQUENCE s2.q2 CASCADE;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u'::regclass ORDER BY adnum;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'w'::regclass;
INSERT INTO u (b) VALUES ('after drop');
SELECT id, b FROM u ORDER BY id;
-- an unknown relation still fails at creation
CREATE TABLE bad (a int DEFAULT nextval('no_such_seq'));
ALTER TABLE u ALTER COLUMN id SET DEFAULT nextval('no_such_seq');
-- ALTER SEQUENCE … SET SCHEMA
CREATE SEQUENCE m;
SELECT nextval('m');
ALTER SEQUENCE m SET SCHEMA s2;
SELECT nextval('s2.m');
SELECT nextval('m');
ALTER SEQUENCE s2.m SET SCHEMA s2;
ALTER SEQUENCE s2.m SET SCHEMA nope;
ALTER SEQUENCE IF EXISTS nope SET SCHEMA s2;
ALTER SEQUENCE nope SET SCHEMA s2;
CREATE SEQUENCE m;
ALTER SEQUENCE m SET SCHEMA s2;
CREATE TEMP SEQUENCE tq;
ALTER SEQUENCE tq SET SCHEMA s2;
ALTER SEQUENCE m SET SCHEMA pg_temp;
CREATE TABLE t (id serial, v int);
ALTER SEQUENCE t_id_seq SET SCHEMA s2;
ALTER SEQUENCE t SET SCHEMA s2;
CREATE TABLE ti (id int GENERATED ALWAYS AS IDENTITY);
ALTER SEQUENCE ti_id_seq SET SCHEMA s2;
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S' AND n.nspname IN ('public', 's2') ORDER BY 1, 2;
DROP SEQUENCE m;
-- SET SCHEMA is transactional
BEGIN;
ALTER SEQUENCE s2.m SET SCHEMA public;
SELECT nextval('m');
ROLLBACK;
SELECT nextval('s2.m');
BEGIN READ ONLY;
ALTER SEQUENCE s2.m SET SCHEMA public;
ROLLBACK;
-- serial defaults keep working
INSERT INTO t (v) VALUES (1), (2);
SELECT * FROM t;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't'::regclass;
-- a user function a default calls is the one found at creation, whatever the search_path later,
-- and it keeps being called after ALTER FUNCTION … RENAME; DROP FUNCTION is 2BP01 unless CASCADE
CREATE SCHEMA fs;
CREATE FUNCTION fs.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
SET search_path = fs, public;
CREATE TABLE public.tf (a int DEFAULT f(), b int DEFAULT fs.f() + 1, c text DEFAULT upper('x'));
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'public.tf'::regclass ORDER BY adnum;
RESET search_path;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tf'::regclass ORDER BY adnum;
CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 2';
INSERT INTO tf DEFAULT VALUES;
SET search_path = public, fs;
INSERT INTO tf DEFAULT VALUES;
SELECT * FROM tf;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tf'::regclass ORDER BY adnum;
RESET search_path;
ALTER FUNCTION fs.f() RENAME TO g;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tf'::regclass ORDER BY adnum;
INSERT INTO tf DEFAULT VALUES;
DROP FUNCTION fs.g();
DROP FUNCTION public.f();
DROP FUNCTION fs.g() CASCADE;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tf'::regclass ORDER BY adnum;
DROP FUNCTION public.f();
-- DROP SCHEMA takes along defaults elsewhere that draw from its sequences
CREATE SCHEMA s3;
CREATE SEQUENCE s3.q;
CREATE TABLE s3.inside (id int DEFAULT nextval('s3.q'));
CREATE TABLE u3 (id int DEFAULT nextval('s3.q'), b int DEFAULT 1);
DROP SCHEMA s3;
DROP SCHEMA s3 CASCADE;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u3'::regclass ORDER BY adnum;
INSERT INTO u3 DEFAULT VALUES;
SELECT * FROM u3;
-- ALTER SCHEMA … RENAME moves its functions too; a default calling one follows
CREATE SCHEMA rs;
CREATE FUNCTION rs.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE TABLE trs (a int DEFAULT rs.f());
ALTER SCHEMA rs RENAME TO rs2;
SELECT rs2.f();
SELECT rs.f();
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'trs'::regclass;
INSERT INTO trs DEFAULT VALUES;
SELECT * FROM trs;
SELECT proname, pronamespace::regnamespace FROM pg_proc WHERE proname = 'f';
-- DROP SCHEMA takes its functions along, with the defaults, views and triggers elsewhere that use them
CREATE SCHEMA dx;
CREATE TABLE dx.t0 (a int);
CREATE FUNCTION dx.xf() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE SEQUENCE dx.q;
CREATE FUNCTION dx.xtrg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TABLE outside_t (a int DEFAULT dx.xf(), b int);
CREATE VIEW vf_t AS SELECT dx.xf() AS one;
CREATE TRIGGER outside_trg BEFORE INSERT ON outside_t FOR EACH ROW EXECUTE FUNCTION dx.xtrg();
CREATE PROCEDURE dx.xp() LANGUAGE sql AS 'SELECT 1';
DROP SCHEMA dx;
DROP SCHEMA dx CASCADE;
SELECT proname FROM pg_proc WHERE proname IN ('xf', 'xtrg', 'xp');
SELECT count(*) FROM pg_attrdef WHERE adrelid = 'outside_t'::regclass;
SELECT tgname FROM pg_trigger;
INSERT INTO outside_t (b) VALUES (1);
SELECT * FROM outside_t;
CREATE SCHEMA dy;
CREATE FUNCTION dy.xg() RETURNS int LANGUAGE sql AS 'SELECT 1';
DROP SCHEMA dy;
DROP SCHEMA dy CASCADE;
-- a domain's DEFAULT is bound at creation too; DROP SEQUENCE takes such a domain (and its columns) only with CASCADE
CREATE SEQUENCE dq;
CREATE DOMAIN did AS int DEFAULT nextval('dq');
CREATE TABLE dt (id did, v text);
ALTER SEQUENCE dq RENAME TO dq2;
INSERT INTO dt (v) VALUES ('a');
SELECT * FROM dt;
ALTER DOMAIN did SET DEFAULT nextval('dq2') + 10;
ALTER SEQUENCE dq2 RENAME TO dq3;
INSERT INTO dt (v) VALUES ('b');
SELECT * FROM dt;
DROP SEQUENCE dq3;
DROP SEQUENCE dq3 CASCADE;
SELECT * FROM dt;
SELECT count(*) FROM pg_type WHERE typname = 'did';
-- ADD COLUMN, UPDATE … DEFAULT, LIKE INCLUDING DEFAULTS, partitions and COPY use the bound default
CREATE SEQUENCE aq;
CREATE TABLE at1 (a int);
INSERT INTO at1 VALUES (1), (2);
ALTER TABLE at1 ADD COLUMN id int DEFAULT nextval('aq');
ALTER SEQUENCE aq RENAME TO aq2;
INSERT INTO at1 (a) VALUES (3);
UPDATE at1 SET id = DEFAULT WHERE a = 1;
SELECT * FROM at1 ORDER BY a;
CREATE TABLE at2 (LIKE at1 INCLUDING DEFAULTS);
INSERT INTO at2 (a) VALUES (9);
SELECT * FROM at2;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'at2'::regclass;
CREATE TABLE pt (a int, id int DEFAULT nextval('aq2')) PARTITION BY RANGE (a);
CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (100);
ALTER SEQUENCE aq2 RENAME TO aq3;
INSERT INTO pt (a) VALUES (5);
INSERT INTO pt1 (a) VALUES (6);
SELECT * FROM pt ORDER BY a;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'pt1'::regclass;
COPY at2 (a) FROM stdin;
10
\.
SELECT * FROM at2 ORDER BY a;
-- regclass to text shows as a cast
CREATE SEQUENCE rq;
CREATE TABLE rt (d text DEFAULT 'rq'::regclass::text);
SELECT pg_get_expr(adbin, adrelid, true), pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'rt'::regclass ORDER BY adnum;
ALTER SEQUENCE rq RENAME TO rq2;
INSERT INTO rt DEFAULT VALUES;
SELECT * FROM rt;
SELECT pg_get_expr(adbin, adrelid, true), pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'rt'::regclass ORDER BY adnum;
EXPLAIN (COSTS OFF) SELECT * FROM rt WHERE d = 'rq2'::regclass::text;
