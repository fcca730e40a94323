-- What database dumps and generated scripts send besides tables and rows: pg_dump's SET lines
-- and set_config()/current_setting(), client_min_messages filtering notices, default_with_oids,
-- ALTER TABLE … OWNER TO (also on sequences), N'…' national character literals (Chinook's
-- script), unrestricted bpchar, pg_typeof names, sum(real), substr over bytea.

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SHOW search_path;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET default_tablespace = '';
SET default_table_access_method = heap;
SET default_with_oids = false;
SHOW default_with_oids;
SET default_with_oids = true;
SET default_table_access_method = 'columnar';
SET default_table_access_method = '';

-- Notices below client_min_messages are not sent; warnings still are.
DROP TABLE IF EXISTS no_such_table;
SET LOCAL work_mem = '8MB';
SET client_min_messages = error;
SET LOCAL work_mem = '8MB';
SET client_min_messages = notice;
DROP TABLE IF EXISTS no_such_table;

CREATE TABLE public.t (id integer NOT NULL, name text, pic bytea);
ALTER TABLE public.t OWNER TO postgres;
CREATE SEQUENCE public.t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER TABLE public.t_id_seq OWNER TO postgres;
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
COPY public.t (id, name, pic) FROM stdin;
1	a	\\x0102ff
2	\N	\\000\\001
\.
SELECT pg_catalog.setval('public.t_id_seq', 2, true);
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
ALTER TABLE public.t OWNER TO nobody;
ALTER TABLE public.t OWNER TO CURRENT_USER;
ALTER TABLE public.t OWNER TO SESSION_USER;
ALTER TABLE IF EXISTS public.no_such_table OWNER TO postgres;
ALTER TABLE public.no_such_table OWNER TO postgres;
ALTER TABLE no_such_table ADD COLUMN x int;

-- set_config and current_setting.
SELECT current_setting('search_path'), current_setting('no.such_setting', true) IS NULL AS missing,
       set_config('search_path', 'public', false);
SHOW search_path;
SELECT current_setting('no_such_setting');
SELECT set_config('no_such_setting', 'x', false);
BEGIN;
SELECT set_config('work_mem', '16MB', true);
SHOW work_mem;
COMMIT;
SHOW work_mem;
SELECT set_config('work_mem', '32MB', true);
SHOW work_mem;
SELECT set_config('work_mem', '32MB', false);
SHOW work_mem;

INSERT INTO t (name) VALUES ('c') RETURNING id;
SELECT id, name, pic FROM t ORDER BY id;

-- N'…' is NCHAR '…': bpchar without a length, whose trailing blanks go when stored as varchar.
SELECT N'abc  ' AS a, pg_typeof(N'abc  '), length(N'abc  '), N'ab' || 'x', n'q';
SELECT NATIONAL CHARACTER 'ab  ', NCHAR 'x ', char 'ab  ', character(3) 'a', N'it''s';
SELECT N'a  ' = 'a', 'x'::bpchar, pg_typeof('x'::bpchar);
CREATE TABLE tv (v varchar(10), c char(4), b bpchar, n numeric(5,2));
INSERT INTO tv VALUES (N'ab  ', N'z', 'ab  ', 1);
SELECT '[' || v || ']', '[' || c || ']', octet_length(c), '[' || b || ']', octet_length(b) FROM tv;
SELECT pg_typeof(v), pg_typeof(c), pg_typeof(b), pg_typeof(n), pg_typeof(1::smallint) FROM tv;

-- sum over real adds in single precision and returns real.
SELECT sum(x), pg_typeof(sum(x)) FROM (VALUES (0.1::real), (0.2::real), (0.3::real)) v(x);
SELECT g, sum(x), round(sum(x)::numeric, 2) FROM (VALUES (1, 1.5::real), (1, 2.25), (2, 3.1)) v(g, x) GROUP BY g ORDER BY g;

-- substr/substring over bytea.
SELECT substr('\x0102030405'::bytea, 2, 3), substr('\x0102030405'::bytea, 4), substring('\x0102'::bytea from 0 for 2);
SELECT substr('\x0102'::bytea, 5), substring('\x010203'::bytea from 2), md5(substr(pic, 1, 2)) FROM t WHERE id = 1;
SELECT substr('\x01'::bytea, 1, -1);
