-- Unlogged tables: relpersistence of tables, their indexes and owned sequences, SET LOGGED /
-- SET UNLOGGED, and which tables a foreign key may join.
CREATE UNLOGGED TABLE unlogged1(f1 SERIAL PRIMARY KEY, f2 TEXT);
SELECT relname, relkind, relpersistence FROM pg_class WHERE relname ~ '^unlogged1' ORDER BY relname;
CREATE UNLOGGED TABLE unlogged2(f1 SERIAL PRIMARY KEY, f2 INTEGER REFERENCES unlogged1);
CREATE UNLOGGED TABLE unlogged3(f1 SERIAL PRIMARY KEY, f2 INTEGER REFERENCES unlogged3);
ALTER TABLE unlogged3 SET LOGGED;
ALTER TABLE unlogged2 SET LOGGED;
ALTER TABLE unlogged1 SET LOGGED;
SELECT relname, relkind, relpersistence FROM pg_class WHERE relname ~ '^unlogged' ORDER BY relname;
ALTER TABLE unlogged1 SET LOGGED;
\d unlogged2
create table perm (a int references unlogged2);
create temp table tmp1 (a int primary key);
alter table tmp1 set logged;
alter table tmp1 set unlogged;
create unlogged table u5 (a int primary key, b int generated always as identity);
create table perm2 (a int references u5);
create temp table tmp2 (a int references u5);
create unlogged table u7 (a int references tmp1);
create table p (a int) partition by list (a);
alter table p set unlogged;
create unlogged table up (a int) partition by list (a);
create unlogged sequence useq;
create unlogged table pp1 partition of p for values in (1);
SELECT relname, relkind, relpersistence FROM pg_class WHERE relname ~ '^(u[0-9p]|unlogged|useq|p$|pp)' ORDER BY relname;
create unlogged table uctas as select 1 as x;
select relpersistence from pg_class where relname = 'uctas';
create unlogged table u8 (a int);
create table l1 (a int primary key);
alter table u8 add foreign key (a) references l1;
alter table l1 set unlogged;
alter table u8 set logged;
alter table l1 set logged;
alter table u8 set logged;
SELECT relname, relpersistence FROM pg_class WHERE relname ~ '^(u8|l1)' ORDER BY relname;

-- set unlogged
CREATE TABLE logged1(f1 SERIAL PRIMARY KEY, f2 TEXT);
CREATE TABLE logged2(f1 SERIAL PRIMARY KEY, f2 INTEGER REFERENCES logged1);
CREATE TABLE logged3(f1 SERIAL PRIMARY KEY, f2 INTEGER REFERENCES logged3);
ALTER TABLE logged1 SET UNLOGGED;
ALTER TABLE logged3 SET UNLOGGED;
ALTER TABLE logged2 SET UNLOGGED;
ALTER TABLE logged1 SET UNLOGGED;
SELECT relname, relkind, relpersistence FROM pg_class WHERE relname ~ '^logged' ORDER BY relname;
ALTER TABLE logged1 SET UNLOGGED;
\d+ logged1

-- owned sequences (serial, identity added later) take an unlogged table's persistence
CREATE UNLOGGED TABLE itest17 (a int NOT NULL, b text, s serial);
ALTER TABLE itest17 ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY;
ALTER TABLE itest17 ADD COLUMN c int GENERATED ALWAYS AS IDENTITY;
select relname, relpersistence from pg_class where relname like 'itest1%' order by 1;
CREATE TABLE itest18 (a int NOT NULL, b text);
ALTER TABLE itest18 SET UNLOGGED, ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY;
select relname, relpersistence from pg_class where relname like 'itest18%' order by 1;
ALTER TABLE itest18 SET LOGGED;
select relname, relpersistence from pg_class where relname like 'itest18%' order by 1;
\d itest17_a_seq
DROP TABLE itest17, itest18;
