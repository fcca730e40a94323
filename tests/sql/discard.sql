-- DISCARD: what a connection pool sends before reusing a connection.
discard all;
discard plans;
discard sequences;
discard temp;
discard temporary;

-- DISCARD ALL refuses to run inside a transaction block (explicit or implicit); the others do not.
begin;
discard all;
rollback;
begin;
discard temp;
discard sequences;
discard plans;
commit;
select 1 \; discard all;
discard foo;
discard;

-- DISCARD SEQUENCES forgets currval and lastval; the sequence itself goes on.
create sequence s;
select nextval('s');
select currval('s'), lastval();
discard sequences;
select currval('s');
select lastval();
select nextval('s');
discard all;
select lastval();

-- DISCARD TEMP drops temporary tables (with their indexes and owned sequences), views and sequences.
create temp table tt (id serial primary key, a int);
create index tt_a on tt (a);
create temp sequence ts;
create table keep (x int);
insert into tt (a) values (1);
discard temp;
select * from tt;
select nextval('ts');
select relname from pg_class where relname in ('tt', 'tt_a', 'tt_id_seq', 'tt_pkey', 'ts', 'keep') order by 1;
create temp table tt (b text);
begin;
discard temp;
rollback;
select * from tt;
discard all;
select * from tt;

-- DISCARD ALL resets settings, like RESET ALL.
set extra_float_digits = 1;
set bytea_output = 'escape';
discard all;
show extra_float_digits;
show bytea_output;
drop table keep;
drop sequence s;

-- Npgsql's reset of a pooled connection that has prepared statements: every part succeeds.
SET SESSION AUTHORIZATION DEFAULT;RESET ALL;CLOSE ALL;UNLISTEN *;SELECT pg_advisory_unlock_all();DISCARD SEQUENCES;DISCARD TEMP;
close foo;
close all;
unlisten foo;
unlisten *;
reset session authorization;
set session authorization nobody;
begin;
close all;
commit;
