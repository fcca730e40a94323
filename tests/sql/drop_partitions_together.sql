-- DROP TABLE naming partitions beside their partitioned table, and user types and domains in a user schema in the catalogs.
create table idxpart (a int, b int) partition by range (a);
create table idxpart1 (a int not null, b int) partition by range (a, b);
alter table idxpart attach partition idxpart1 for values from (1) to (1000);
DROP TABLE idxpart, idxpart1;
create table key_desc (a int, b int) partition by list ((a+0));
create table key_desc_1 partition of key_desc for values in (1);
drop table key_desc, key_desc_1;
create table p (a int) partition by range (a);
create table p1 partition of p for values from (0) to (10);
drop table p1, p;
select count(*) from pg_class where relnamespace = 'public'::regnamespace;
create schema alter1;
create type alter1.ctype as (a int, b text);
create domain alter1.dpos as int check (value > 0);
create table alter1.t (x alter1.ctype, y alter1.dpos not null);
select typname, typnamespace::regnamespace from pg_type where typname in ('ctype', '_ctype', 'dpos') order by 1;
select conname, connamespace::regnamespace from pg_constraint where conname = 'dpos_check';
select count(*) from information_schema.table_constraints where table_schema = 'alter1' and constraint_type = 'CHECK';
