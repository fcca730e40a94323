-- What psql's \df and \sf read about routines, and the relation size functions behind \dt+.
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;
CREATE FUNCTION g(a int, b text DEFAULT 'x', VARIADIC c int[] DEFAULT '{}') RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT b $$;
CREATE FUNCTION h(IN x int, OUT y int, INOUT z text) LANGUAGE plpgsql AS $$ BEGIN y := x; END $$;
CREATE FUNCTION t(n int) RETURNS TABLE(k int, v text) LANGUAGE sql STABLE AS $$ SELECT 1, 'a' $$;
CREATE FUNCTION tr() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE pr(a int, b numeric(10,2)) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION v() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;
CREATE FUNCTION gg(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION gg(a text) RETURNS text LANGUAGE sql AS $$ SELECT a $$;
CREATE SCHEMA s2;
CREATE FUNCTION s2.f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION s2.only2() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;
SELECT p.proname, pg_get_function_arguments(p.oid) AS args, pg_get_function_identity_arguments(p.oid) AS ident,
       pg_get_function_result(p.oid) AS result, pg_function_is_visible(p.oid) AS vis
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 's2') ORDER BY n.nspname, p.proname, args;
SELECT pg_function_is_visible(0), pg_get_function_arguments(0), pg_get_function_result(0), pg_get_functiondef(0);
-- The path decides which of two functions of the same signature is visible.
SET search_path = s2, public;
SELECT p.proname, n.nspname, pg_function_is_visible(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN ('public', 's2') ORDER BY 2, 1, 3;
SELECT 'f'::regproc::oid = 's2.f'::regproc::oid AS finds_s2;
\df
\df f
RESET search_path;
-- regproc and regprocedure find user functions on the path, or qualified.
SELECT 'f'::regproc, 's2.only2'::regproc, 'f(integer)'::regprocedure, 'gg(text)'::regprocedure;
SELECT 'gg'::regproc;
SELECT 'nosuch'::regproc;
SELECT 'f(text)'::regprocedure;
SELECT 'only2'::regproc;
SELECT pg_get_functiondef('f'::regproc);
SELECT pg_get_functiondef('g'::regproc);
SELECT pg_get_functiondef('h'::regproc);
SELECT pg_get_functiondef('t'::regproc);
SELECT pg_get_functiondef('tr'::regproc);
SELECT pg_get_functiondef('pr'::regproc);
SELECT pg_get_functiondef('v'::regproc);
\df
\df s2.*
\df gg
\df nosuch
SELECT pg_size_pretty(0::bigint), pg_size_pretty(1023::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint),
       pg_size_pretty(123456789::bigint), pg_size_pretty(-20000::bigint), pg_size_pretty(1e15::numeric),
       pg_size_pretty(10485759::bigint), pg_size_pretty(10485760::bigint), pg_size_pretty(9223372036854775807);
SELECT pg_size_pretty(1.5), pg_size_pretty(123456.789), pg_size_pretty(-1.5), pg_size_pretty(NULL::bigint), pg_size_pretty(1e30);
-- Sizes are physical, so only what holds for any storage is compared here.
CREATE TABLE sized (id int PRIMARY KEY, label text UNIQUE);
CREATE TABLE empty_t (id int);
CREATE SEQUENCE sized_seq;
CREATE VIEW sized_v AS SELECT id FROM sized;
INSERT INTO sized SELECT i, 'label ' || i FROM generate_series(1, 100) i;
SELECT pg_relation_size('sized') > 0 AS has_rows, pg_indexes_size('sized') > 0 AS has_indexes,
       pg_total_relation_size('sized') = pg_table_size('sized') + pg_indexes_size('sized') AS total_adds_up,
       pg_relation_size('sized_pkey') > 0 AS pkey, pg_indexes_size('empty_t') AS no_indexes,
       pg_table_size('empty_t') AS empty, pg_relation_size('sized_v') AS view, pg_relation_size('sized_seq') AS seq,
       pg_table_size(0::oid) IS NULL AS unknown;
-- \dn+ reads nspacl and the comment initdb leaves on public.
\dn+
CREATE SCHEMA s3;
COMMENT ON SCHEMA s3 IS 'a schema of our own';
\dn+
SELECT nspname, nspacl, obj_description(oid, 'pg_namespace') FROM pg_namespace ORDER BY nspname;
COMMENT ON SCHEMA public IS NULL;
SELECT obj_description('public'::regnamespace, 'pg_namespace') IS NULL AS cleared;
-- psql's \du query (pg_auth_members lists no memberships of the roles shown).
SELECT r.rolname, r.rolsuper, r.rolcanlogin,
  ARRAY(SELECT b.rolname FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid) WHERE m.member = r.oid) as memberof
FROM pg_catalog.pg_roles r WHERE r.rolname !~ '^pg_' ORDER BY 1;
COMMENT ON SCHEMA nosuch IS 'x';
COMMENT ON SCHEMA a.b IS 'x';
COMMENT ON SCHEMA public IS '';
SELECT obj_description(2200, 'pg_namespace') IS NULL;
