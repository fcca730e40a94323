-- A partition's bound as pg_get_expr(relpartbound) and \d show it.
create table pt (a int, b text) partition by range (a);
create table pt1 partition of pt for values from (0) to (10);
create table pt2 partition of pt for values from (10) to (maxvalue);
create table pl (a int, b text) partition by list (b);
create table pl1 partition of pl for values in ('x', 'y');
create table pld partition of pl default;
create table ph (a int) partition by hash (a);
create table ph0 partition of ph for values with (modulus 2, remainder 0);
\d pt1
\d pl1
\d pld
\d ph0
\d pt
select relname, pg_get_expr(relpartbound, oid) from pg_class where relispartition order by relname;
create table pd (d date, n int) partition by range (d, n);
create table pd1 partition of pd for values from ('2020-01-01', -5) to ('2020-12-31', maxvalue);
create table pd0 partition of pd for values from (minvalue, minvalue) to ('2020-01-01', -5);
create table pq (s text) partition by list (s);
create table pq1 partition of pq for values in ('it''s', null, 'o''k');
create table pbool (b boolean) partition by list (b);
create table pbool1 partition of pbool for values in (true);
create table pn (x numeric) partition by range (x);
create table pn1 partition of pn for values from (-1.5) to (2.25);
select relname, pg_get_expr(relpartbound, oid) from pg_class where relname in ('pd0', 'pd1', 'pq1', 'pbool1', 'pn1') order by relname;
set datestyle = 'SQL, DMY';
select pg_get_expr(relpartbound, oid) from pg_class where relname = 'pd1';
reset datestyle;
select pg_get_expr(relpartbound, oid) is null as not_a_partition from pg_class where relname = 'pd';
\d pd1
-- The same literals in the message of an empty range bound.
create table pe (a int) partition by range (a);
create table pe1 partition of pe for values from (-1) to (-5);
create table peb (b boolean, c int) partition by range (b, c);
create table peb1 partition of peb for values from (true, 1) to (true, 1);

-- A list partition of an array key: its bound holds array values (which a file database must
-- write and read back when it reopens).
CREATE TABLE pa (k int[]) PARTITION BY LIST (k);
CREATE TABLE pa1 PARTITION OF pa FOR VALUES IN ('{1}', '{2,3}');
CREATE TABLE pa2 PARTITION OF pa FOR VALUES IN ('{4,NULL}');
INSERT INTO pa VALUES ('{1}'), ('{2,3}'), ('{4,NULL}');
SELECT tableoid::regclass, k FROM pa ORDER BY k;
SELECT relname, pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname IN ('pa1', 'pa2') ORDER BY 1;
