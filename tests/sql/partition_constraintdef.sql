-- pg_get_partition_constraintdef: list, range (multi-column, MINVALUE/MAXVALUE, expression
-- keys), default and multi-level partitions; \d+ shows it as "Partition constraint".
create table l (a text) partition by list (a);
create table l1 partition of l for values in ('b');
create table l2 partition of l for values in ('c', 'a', null);
create table l3 partition of l for values in ('q');
create table ld partition of l default;
select c.relname, pg_get_partition_constraintdef(c.oid) from pg_class c where relname in ('l', 'l1', 'l2', 'l3', 'ld') order by 1;
create table r (a int, b text, c int) partition by range (abs(a), b, c);
create table r1 partition of r for values from (1, 'x', minvalue) to (1, 'y', 5);
create table r2 partition of r for values from (minvalue, minvalue, minvalue) to (1, 'x', minvalue);
create table r3 partition of r for values from (3, 'c', 5) to (6, 'a', 7);
create table r4 partition of r for values from (6, 'x', 1) to (maxvalue, maxvalue, maxvalue);
create table rd partition of r default;
select c.relname, pg_get_partition_constraintdef(c.oid) from pg_class c where relname in ('r1', 'r2', 'r3', 'r4', 'rd') order by 1;
create table m (a int, b bigint, d numeric) partition by range (a);
create table m1 partition of m for values from (-1) to (10) partition by list (b);
create table m11 partition of m1 for values in (1, 2) partition by range (d);
create table m111 partition of m11 for values from (1.5) to (20);
select pg_get_partition_constraintdef('m111'::regclass);
create table d (a int) partition by list (a);
create table dd partition of d default;
select pg_get_partition_constraintdef('dd'::regclass) is null, pg_get_partition_constraintdef('d'::regclass) is null;
create table dr (a int) partition by range (a);
create table drd partition of dr default;
create table dr1 partition of dr for values from (1) to (2);
select pg_get_partition_constraintdef('drd'::regclass);
-- a partition's own DEFAULT replaces its parent's; a column named twice is refused
create table defp (a int default 1, b int default 2) partition by list (a);
create table defp1 partition of defp (b default 5) for values in (1);
create table defp2 partition of defp (b not null, b default 3) for values in (2);
insert into defp (a) values (1);
select * from defp;
drop table l, r, m, d, dr, defp;
