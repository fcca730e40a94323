-- ALTER TYPE / ALTER DOMAIN … SET SCHEMA, and types outside public shown schema-qualified.
create schema s1;
create schema s2;
create type s1.ct as (f1 int, f2 text);
create type s1.en as enum ('a', 'b');
create domain s1.posint as int check (value > 0);
create table s1.t (a s1.ct, b s1.en, c s1.posint, d s1.ct[]);
alter type s1.ct set schema s1;
alter type s1.ct set schema s2;
alter type s1.en set schema s2;
alter domain s1.posint set schema s2;
alter type s2.ct set schema nosuch;
create type s1.ct as (x int);
alter type s1.ct set schema s2;
alter type nosuch set schema s2;
select typname, typnamespace::regnamespace from pg_type where typname in ('ct', '_ct', 'en', 'posint') order by 1, 2;
\d s1.t
insert into s1.t values (row(1, 'x'), 'a', 5, array[row(2, 'y')::s2.ct]);
select * from s1.t;
drop schema s1;
drop schema s1 cascade;
