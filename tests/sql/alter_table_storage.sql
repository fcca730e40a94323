-- Storage parameters (reloptions), column options, SET STORAGE / COMPRESSION / STATISTICS,
-- CLUSTER ON and SET WITHOUT OIDS: validated as PostgreSQL does and shown in the catalog.
create table t (a int primary key, b text, c int);
alter table t set (fillfactor = 100);
alter table t set (fillfactor = 5);
alter table t set (fillfactor = 'abc');
alter table t set (fillfactor);
alter table t set (fillfactor = 50.5);
alter table t set (fillfactor = '0x20');
alter table t set (fillfactor = -5);
alter table t set (foo = 1);
alter table t set (foo.bar = 1);
alter table t set (toast.fillfactor = 50);
alter table t set (toast.autovacuum_enabled = off);
alter table t set (toast.autovacuum_enabled = 'x');
alter table t set (autovacuum_enabled = off, fillfactor = 80);
alter table t set (autovacuum_enabled);
alter table t set (autovacuum_enabled = 'maybe');
alter table t set (autovacuum_enabled = 'o');
alter table t set (vacuum_index_cleanup = xyz);
alter table t set (vacuum_index_cleanup = AUTO);
alter table t set (autovacuum_vacuum_scale_factor = 200);
alter table t set (autovacuum_vacuum_scale_factor = 'x');
alter table t set (autovacuum_vacuum_scale_factor = 0.5);
alter table t set (fillfactor = 70, fillfactor = 60);
alter table t set (oids = true);
alter table t set (parallel_workers = 2000);
alter table t set (toast_tuple_target = 127, autovacuum_vacuum_insert_threshold = -2);
alter table t set (autovacuum_vacuum_cost_limit = 0);
alter table t set (autovacuum_freeze_max_age = 99999);
alter table t set (log_autovacuum_min_duration = -2);
alter table t set (toast.autovacuum_analyze_threshold = 1);
alter table t set (foo = 1, fillfactor = 5);
alter table t set (fillfactor = 5, foo = 1);
select reloptions from pg_class where relname = 't';
alter table t reset (fillfactor, foo);
alter table t reset (fillfactor = 3);
alter table t reset (toast.autovacuum_enabled, bar.baz);
select reloptions from pg_class where relname = 't';
alter table t reset (autovacuum_enabled, vacuum_index_cleanup, autovacuum_vacuum_scale_factor);
select reloptions from pg_class where relname = 't';
-- a table without a toast table ignores toast options
create table ni (a int);
alter table ni set (toast.autovacuum_enabled = 'x');
create table t2 (a int) with (fillfactor = 10, autovacuum_enabled = false);
create table t3 (a int) with (fillfactor = 1);
create table t4 (a int) with (oids = false);
create table t5 (a int) with (oids = true);
create table t6 (a int) without oids;
create table t7 (a int, b text) with (toast.autovacuum_enabled = 'x');
create table t8 (a int, b text) with (toast.autovacuum_enabled = 'false', fillfactor = 90);
alter table t2 set without oids;
select relname, reloptions from pg_class where relname ~ '^t\d$' order by 1;
create table p (a int) partition by list (a);
alter table p set (fillfactor = 10);
create table p2 (a int) partition by list (a) with (fillfactor = 10);
create table p1 partition of p for values in (1) with (fillfactor = 20);
select relname, reloptions from pg_class where relname = 'p1';
create table ctas with (fillfactor = 30) as select 1 as x;
select relname, reloptions from pg_class where relname = 'ctas';
\d+ t2

-- column options
alter table t alter column a set (n_distinct = 1);
alter table t alter column a set (n_distinct = 'x');
alter table t alter column a set (n_distinct);
alter table t alter column a set (foo.n_distinct = 1);
alter table t alter column a set (n_distinct_inherited = 5, foo = 1);
alter table t alter column a set (n_distinct_inherited = 5);
alter table t alter column nosuch set (n_distinct = 1);
select attname, attoptions from pg_attribute where attrelid = 't'::regclass and attnum > 0 order by attnum;
alter table t alter column a reset (n_distinct);
alter table t alter column a reset (n_distinct_inherited);
select attname, attoptions from pg_attribute where attrelid = 't'::regclass and attnum > 0 order by attnum;

-- storage, compression, statistics
alter table t alter column b set storage plain;
alter table t alter column b set storage foo;
alter table t alter column a set storage external;
alter table t alter column a set storage plain;
alter table t alter column b set compression pglz;
alter table t alter column b set compression foo;
alter table t alter column a set compression pglz;
select attname, attstorage, attcompression from pg_attribute where attrelid = 't'::regclass and attnum > 0 order by attnum;
alter table t alter column b set compression default, alter column b set storage main;
alter table t alter column c set statistics 150;
alter table t alter column c set statistics -2;
alter table t alter column a set statistics 20000;
select attname, attstorage, attcompression, attstattarget from pg_attribute where attrelid = 't'::regclass and attnum > 0 order by attnum;
\d+ t
alter table t alter column c set statistics -1;
create table comp (a text compression pglz, b int compression pglz);
create table comp (a text compression pglz, b varchar(10) compression default);
select attname, attcompression from pg_attribute where attrelid = 'comp'::regclass and attnum > 0 order by attnum;

-- CLUSTER ON / SET WITHOUT CLUSTER
create index t_c on t(c);
create index t_c_partial on t(c) where c > 0;
create index t_c_hash on t using hash (c);
alter table t cluster on nosuch;
alter table t cluster on t_c;
select indexrelid::regclass, indisclustered from pg_index where indrelid = 't'::regclass order by 1;
alter table t cluster on t_pkey;
select indexrelid::regclass, indisclustered from pg_index where indrelid = 't'::regclass order by 1;
\d t
alter table t set without cluster;
select indexrelid::regclass, indisclustered from pg_index where indrelid = 't'::regclass order by 1;
create table o (x int);
create index o_x on o(x);
alter table t cluster on o_x;
alter table t cluster on t;
alter table t cluster on t_c_partial;
alter table t cluster on t_c_hash;
alter table p cluster on p1;
alter table p set without cluster;
