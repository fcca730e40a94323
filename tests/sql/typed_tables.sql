-- Typed tables: CREATE TABLE … OF, ALTER TABLE … OF / NOT OF, and what they refuse.
CREATE TYPE tt_t0 AS (z inet, x int, y numeric(8,2));
ALTER TYPE tt_t0 DROP ATTRIBUTE z;
CREATE TABLE tt0 (x int NOT NULL, y numeric(8,2));
CREATE TABLE tt1 (x int, y bigint);
CREATE TABLE tt2 (x int, y numeric(9,2));
CREATE TABLE tt3 (y numeric(8,2), x int);
CREATE TABLE tt4 (x int);
CREATE TABLE tt5 (x int, y numeric(8,2), z int);
CREATE TABLE tt7 (x int, q text, y numeric(8,2));
ALTER TABLE tt7 DROP q;
ALTER TABLE tt0 OF tt_t0;
ALTER TABLE tt1 OF tt_t0;
ALTER TABLE tt2 OF tt_t0;
ALTER TABLE tt3 OF tt_t0;
ALTER TABLE tt4 OF tt_t0;
ALTER TABLE tt5 OF tt_t0;
ALTER TABLE tt7 OF tt_t0;
CREATE TYPE tt_t1 AS (x int, y numeric(8,2));
ALTER TABLE tt7 OF tt_t1;
select relname, reloftype::regtype from pg_class where relname ~ '^tt\d' order by 1;
ALTER TABLE tt7 NOT OF;
\d tt7
alter table tt5 not of;
alter table tt5 of nosuch;
alter table tt5 of int4;
alter table tt5 of tt1;
create table typed of tt_t0 (x with options not null, y default 5, primary key (x));
create table typed2 of tt_t0 (q not null);
create table typed3 of tt_t0 (x not null, x default 1);
create table typed4 of int4;
create table typed5 of nosuch;
\d typed
insert into typed values (1);
insert into typed values (2, 3.5);
select * from typed order by x;
select reloftype::regtype, relname from pg_class where relname like 'typed%' order by 2;
alter table typed add column q int;
alter table typed drop column y;
alter table typed alter column y type int;
alter table typed rename column y to yy;
alter table typed alter column y set default 7;
alter table typed rename to typedx;
drop type tt_t0;
alter type tt_t0 add attribute w int;
alter type tt_t0 rename attribute x to xx;
alter type tt_t0 drop attribute y cascade;
\d typedx
alter type tt_t0 add attribute w text cascade;
alter type tt_t0 rename attribute w to ww cascade;
select * from typedx order by x;
\d tt0
create table typed6 of tt_t0 (check (x > 0));
\d typed6
drop type tt_t0 cascade;
select relname from pg_class where relname ~ '^typed' order by 1;
