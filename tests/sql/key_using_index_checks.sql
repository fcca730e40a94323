-- ADD {PRIMARY KEY | UNIQUE} USING INDEX: an existing unique index becomes the constraint's.
create table t (a int, b int, c text);
insert into t values (1, 2, 'x');
create unique index t_a on t(a);
create index t_b on t(b);
create unique index t_lower on t(lower(c));
create unique index t_part on t(a) where a > 0;
create unique index t_desc on t(a desc);
create table o (x int);
create unique index o_x on o(x);
alter table t add primary key using index nosuch;
alter table t add primary key using index t_b;
alter table t add primary key using index t_lower;
alter table t add primary key using index t_part;
alter table t add primary key using index t_desc;
alter table t add primary key using index o_x;
alter table t add constraint pk primary key using index t_a;
\d t
alter table t add unique using index t_a;
alter table t add primary key using index t_a;
create table t2 (a int, primary key using index t_a);
insert into t values (null, 1, 'y');
create table p (a int) partition by list (a);
alter table p add unique using index t_a;
CREATE TABLE ataddindex(f1 INT);
INSERT INTO ataddindex VALUES (42), (43);
CREATE UNIQUE INDEX ataddindexi0 ON ataddindex(f1);
ALTER TABLE ataddindex
  ADD PRIMARY KEY USING INDEX ataddindexi0,
  ALTER f1 TYPE BIGINT;
\d ataddindex
select conname, contype, conindid::regclass from pg_constraint where conrelid = 'ataddindex'::regclass;
create table dn (a int);
insert into dn values (null);
create unique index dn_a on dn(a);
alter table dn add primary key using index dn_a;
alter table dn add unique using index dn_a;
\d dn
