-- REPLICA IDENTITY: relreplident, indisreplident and the checks on USING INDEX.
create table t (a int primary key, b text, c int);
create index t_c on t(c);
create unique index t_cu on t(c);
create unique index t_cup on t(c) where c > 0;
create unique index t_bexpr on t(lower(b));
alter table t replica identity full;
select relreplident from pg_class where relname = 't';
\d+ t
alter table t replica identity nothing;
select relreplident from pg_class where relname = 't';
alter table t replica identity default;
alter table t replica identity using index t_c;
alter table t replica identity using index t_cu;
alter table t replica identity using index t_cup;
alter table t replica identity using index t_bexpr;
alter table t replica identity using index nosuch;
alter table t replica identity using index t;
create table o (x int);
create index o_x on o(x);
alter table t replica identity using index o_x;
alter table t alter column c set not null;
alter table t replica identity using index t_cu;
select relreplident from pg_class where relname = 't';
select indexrelid::regclass, indisreplident from pg_index where indrelid = 't'::regclass order by 1;
\d t
alter table t replica identity using index t_pkey;
select indexrelid::regclass, indisreplident from pg_index where indrelid = 't'::regclass order by 1;
alter table t drop constraint t_pkey;
select relreplident from pg_class where relname = 't';
select indexrelid::regclass, indisreplident from pg_index where indrelid = 't'::regclass order by 1;
create table d (a int not null, b int);
create unique index d_a on d(a) include (b);
alter table d replica identity using index d_a;
alter table d add constraint d_uq unique (a) deferrable;
alter table d replica identity using index d_uq;
select relname, relreplident from pg_class where relname in ('d', 'o', 'd_a') order by 1;
