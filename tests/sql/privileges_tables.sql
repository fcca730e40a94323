-- Privileges on tables, columns and schemas: GRANT / REVOKE (WITH GRANT OPTION, CASCADE,
-- column lists, ALL TABLES IN SCHEMA, PUBLIC), relacl / nspacl as aclitem text, owners and
-- ALTER … OWNER TO, permission checks (42501) on SELECT / INSERT / UPDATE / DELETE / TRUNCATE
-- and DDL ownership, has_table_privilege / has_column_privilege / has_schema_privilege, and
-- DROP ROLE refused while privileges or owned objects remain.
CREATE ROLE regress_pt_a;
CREATE ROLE regress_pt_b;
CREATE ROLE regress_pt_grp;
GRANT regress_pt_grp TO regress_pt_b;
CREATE TABLE pt (id int PRIMARY KEY, v text, secret text);
INSERT INTO pt VALUES (1, 'one', 's1'), (2, 'two', 's2');
CREATE VIEW ptv AS SELECT id, v FROM pt;
SELECT relname, relacl FROM pg_class WHERE relname IN ('pt', 'ptv') ORDER BY 1;
GRANT SELECT ON pt TO regress_pt_a;
GRANT INSERT, UPDATE ON TABLE pt TO regress_pt_a WITH GRANT OPTION;
GRANT SELECT ON ptv TO regress_pt_grp;
GRANT SELECT (id, v), UPDATE (v) ON pt TO regress_pt_b;
SELECT relname, relacl FROM pg_class WHERE relname IN ('pt', 'ptv') ORDER BY 1;
SELECT attname, attacl FROM pg_attribute WHERE attrelid = 'pt'::regclass AND attnum > 0 ORDER BY attnum;
GRANT USAGE ON pt TO regress_pt_a;
GRANT SELECT ON nosuch TO regress_pt_a;
GRANT SELECT ON pt TO regress_nosuch;
GRANT SELECT (nosuch) ON pt TO regress_pt_a;
SELECT has_table_privilege('regress_pt_a', 'pt', 'select') AS a_sel, has_table_privilege('regress_pt_a', 'pt', 'delete') AS a_del,
       has_table_privilege('regress_pt_a', 'pt', 'insert with grant option') AS a_ins_opt,
       has_table_privilege('regress_pt_b', 'ptv', 'select') AS b_view,
       has_column_privilege('regress_pt_b', 'pt', 'v', 'update') AS b_upd_v,
       has_column_privilege('regress_pt_b', 'pt', 'secret', 'select') AS b_sel_secret;
SELECT has_table_privilege('pt', 'frobnicate');
-- checks
SET ROLE regress_pt_a;
SELECT * FROM pt ORDER BY id;
INSERT INTO pt VALUES (3, 'three', 's3');
UPDATE pt SET v = 'ONE' WHERE id = 1;
DELETE FROM pt WHERE id = 3;
TRUNCATE pt;
SELECT * FROM ptv;
ALTER TABLE pt ADD COLUMN extra int;
DROP TABLE pt;
GRANT SELECT ON pt TO regress_pt_b;
GRANT DELETE ON pt TO regress_pt_b;
RESET ROLE;
SELECT relname, relacl FROM pg_class WHERE relname = 'pt';
SET ROLE regress_pt_b;
SELECT id, v FROM ptv ORDER BY id;
SELECT * FROM pt;
UPDATE pt SET v = 'TWO' WHERE id = 2;
RESET ROLE;
SELECT * FROM pt ORDER BY id;
-- revoking a grant option others used
REVOKE GRANT OPTION FOR SELECT ON pt FROM regress_pt_a;
REVOKE INSERT, UPDATE ON pt FROM regress_pt_a;
REVOKE INSERT, UPDATE ON pt FROM regress_pt_a CASCADE;
SELECT relname, relacl FROM pg_class WHERE relname = 'pt';
-- owners
ALTER TABLE pt OWNER TO regress_pt_a;
SELECT relname, pg_get_userbyid(relowner) AS owner, relacl FROM pg_class WHERE relname = 'pt';
SET ROLE regress_pt_a;
ALTER TABLE pt ADD COLUMN extra int;
SELECT count(*) FROM pt;
RESET ROLE;
DROP ROLE regress_pt_a;
DROP ROLE regress_pt_b;
-- schemas
CREATE SCHEMA pts;
CREATE TABLE pts.t1 (a int);
CREATE TABLE pts.t2 (a int);
SET ROLE regress_pt_a;
CREATE TABLE pts.mine (a int);
SELECT * FROM pts.t1;
RESET ROLE;
GRANT USAGE, CREATE ON SCHEMA pts TO regress_pt_a;
GRANT SELECT ON ALL TABLES IN SCHEMA pts TO PUBLIC;
SELECT nspname, nspacl FROM pg_namespace WHERE nspname IN ('pts', 'public') ORDER BY 1;
SELECT relname, relacl FROM pg_class WHERE relnamespace = 'pts'::regnamespace ORDER BY 1;
SELECT has_schema_privilege('regress_pt_a', 'pts', 'create') AS a_create, has_schema_privilege('regress_pt_b', 'pts', 'usage') AS b_usage;
SET ROLE regress_pt_a;
CREATE TABLE pts.mine (a int);
SELECT * FROM pts.t1;
SELECT relname, pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'pts'::regnamespace ORDER BY 1;
DROP TABLE pts.t2;
RESET ROLE;
DROP ROLE regress_pt_a;
-- cleanup
DROP SCHEMA pts CASCADE;
DROP VIEW ptv;
DROP TABLE pt;
REVOKE USAGE, CREATE ON SCHEMA public FROM regress_pt_a;
DROP ROLE regress_pt_a, regress_pt_b, regress_pt_grp;
-- the failing partition key is shown only to who may select its columns
CREATE ROLE regress_pk;
CREATE TABLE pk_parted (a int, b int) PARTITION BY LIST ((a + 0));
CREATE TABLE pk_parted_1 PARTITION OF pk_parted FOR VALUES IN (1) PARTITION BY RANGE (b);
GRANT SELECT (a) ON pk_parted_1 TO regress_pk;
GRANT INSERT ON pk_parted TO regress_pk;
SET ROLE regress_pk;
INSERT INTO pk_parted VALUES (1, 1);
RESET ROLE;
GRANT SELECT (b) ON pk_parted_1 TO regress_pk;
SET ROLE regress_pk;
INSERT INTO pk_parted VALUES (1, 1);
INSERT INTO pk_parted VALUES (2, 1);
RESET ROLE;
DROP TABLE pk_parted;
DROP ROLE regress_pk;
-- owners of schemas, sequences, views and functions
CREATE ROLE regress_own;
CREATE SCHEMA AUTHORIZATION regress_own;
CREATE SCHEMA regress_s2 AUTHORIZATION regress_own;
SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname LIKE 'regress%' ORDER BY 1;
CREATE SEQUENCE own_seq;
CREATE VIEW own_v AS SELECT 1 AS x;
CREATE FUNCTION own_f() RETURNS int LANGUAGE sql AS 'SELECT 1';
ALTER SEQUENCE own_seq OWNER TO regress_own;
ALTER VIEW own_v OWNER TO regress_own;
ALTER FUNCTION own_f() OWNER TO regress_own;
ALTER SCHEMA regress_s2 OWNER TO CURRENT_USER;
SELECT relname, pg_get_userbyid(relowner) FROM pg_class WHERE relname LIKE 'own%' ORDER BY 1;
SELECT proname, pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'own_f';
SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname LIKE 'regress%' ORDER BY 1;
DROP ROLE regress_own;
DROP SCHEMA regress_own, regress_s2;
DROP SEQUENCE own_seq;
DROP VIEW own_v;
DROP FUNCTION own_f();
DROP ROLE regress_own;
-- COMMENT ON needs ownership; types a role creates are its own
CREATE ROLE regress_cm;
CREATE TABLE cm_t (a int CONSTRAINT cm_ck CHECK (a > 0));
CREATE TYPE cm_e AS ENUM ('x');
SET ROLE regress_cm;
COMMENT ON TABLE cm_t IS 'no';
COMMENT ON COLUMN cm_t.a IS 'no';
COMMENT ON CONSTRAINT cm_ck ON cm_t IS 'no';
COMMENT ON TYPE cm_e IS 'no';
COMMENT ON SCHEMA public IS 'no';
RESET ROLE;
GRANT CREATE ON SCHEMA public TO regress_cm;
SET ROLE regress_cm;
CREATE TABLE cm_mine (a int);
CREATE TYPE cm_mine_e AS ENUM ('y');
COMMENT ON TABLE cm_mine IS 'mine';
COMMENT ON COLUMN cm_mine.a IS 'mine too';
COMMENT ON TYPE cm_mine_e IS 'my type';
RESET ROLE;
DROP ROLE regress_cm;
SELECT obj_description('cm_mine'::regclass, 'pg_class'), col_description('cm_mine'::regclass, 1);
DROP TABLE cm_t, cm_mine;
DROP TYPE cm_e, cm_mine_e;
REVOKE CREATE ON SCHEMA public FROM regress_cm;
DROP ROLE regress_cm;
-- a view reads its relations with its owner's privileges
CREATE ROLE regress_vo;
CREATE ROLE regress_vu;
CREATE TABLE vw_base (a int, b int);
INSERT INTO vw_base VALUES (1, 2);
GRANT CREATE ON SCHEMA public TO regress_vo;
SET ROLE regress_vo;
CREATE VIEW vw_v AS SELECT a FROM vw_base;
SELECT * FROM vw_v;
RESET ROLE;
GRANT SELECT ON vw_v TO regress_vu;
SET ROLE regress_vu;
SELECT * FROM vw_v;
RESET ROLE;
GRANT SELECT ON vw_base TO regress_vo;
SET ROLE regress_vu;
SELECT * FROM vw_v;
SELECT * FROM vw_base;
RESET ROLE;
DROP VIEW vw_v;
DROP TABLE vw_base;
REVOKE CREATE ON SCHEMA public FROM regress_vo;
DROP ROLE regress_vo, regress_vu;
-- the search path leaves out schemas the role may not use
CREATE ROLE regress_sp;
CREATE SCHEMA sp_hidden;
CREATE TABLE sp_hidden.sp_t (a int);
CREATE TABLE public.sp_t (b int);
GRANT SELECT ON ALL TABLES IN SCHEMA sp_hidden TO regress_sp;
GRANT SELECT ON public.sp_t TO regress_sp;
SET search_path = sp_hidden, public;
SET ROLE regress_sp;
SELECT current_schema();
SELECT * FROM sp_t;
SELECT * FROM sp_hidden.sp_t;
RESET ROLE;
GRANT USAGE ON SCHEMA sp_hidden TO regress_sp;
SET ROLE regress_sp;
SELECT current_schema();
SELECT * FROM sp_t;
RESET ROLE;
RESET search_path;
DROP SCHEMA sp_hidden CASCADE;
DROP TABLE sp_t;
DROP ROLE regress_sp;
