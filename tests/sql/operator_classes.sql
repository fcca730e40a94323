-- CREATE / DROP OPERATOR CLASS and OPERATOR FAMILY (btree, hash): PostgreSQL's checks and errors,
-- pg_opclass / pg_opfamily / pg_amop / pg_amproc rows, hash partitioning routed through a class's
-- support function 2 (value + seed), DROP … CASCADE of a partitioned table using a class,
-- and a single-row INSERT … VALUES with a set-returning call.
create function part_hashint4_noop(value int4, seed int8)
    returns int8 as $$
    select value + seed;
    $$ language sql strict immutable parallel safe;
create operator class part_test_int4_ops for type int4 using hash as
    operator 1 =,
    function 2 part_hashint4_noop(int4, int8);
create operator class part_test_int4_ops for type int4 using hash as
    operator 1 =,
    function 2 part_hashint4_noop(int4, int8);
create operator class bad_ops for type int4 using nosuch as operator 1 =;
create operator class bad_ops for type int4 using hash as operator 1 =, function 2 nosuch(int4, int8);
create operator class bad_ops for type int4 using hash as operator 7 =;
create operator class bad_ops for type int4 using hash as function 3 part_hashint4_noop(int4, int8);
create operator class bad_ops for type int4 using hash as function 1 part_hashint4_noop(int4, int8);
create operator class bad_ops for type nosuchtype using hash as operator 1 =;
create operator class bad_ops for type int4 using hash as operator 1 <<<;
create operator class bad_ops default for type int4 using hash as operator 1 =;
create operator family fam1 using hash;
create operator family fam1 using hash;
create operator class in_fam for type int4 using hash family fam1 as operator 1 =;
create operator class bad_ops for type int4 using hash family nosuch as operator 1 =;
select opcname, opcmethod = (select oid from pg_am where amname='hash') as hash, opcintype::regtype, opcdefault,
       (select opfname from pg_opfamily f where f.oid = opcfamily) as family
  from pg_opclass where opcname in ('part_test_int4_ops','in_fam') order by 1;
select opfname from pg_opfamily where opfname in ('part_test_int4_ops','fam1','in_fam') order by 1;
select amopstrategy, amoplefttype::regtype, amoprighttype::regtype from pg_amop
  where amopfamily = (select oid from pg_opfamily where opfname = 'part_test_int4_ops');
select amprocnum, amproclefttype::regtype, amproc::regproc from pg_amproc
  where amprocfamily = (select oid from pg_opfamily where opfname = 'part_test_int4_ops');

-- hash partitions chosen by the class's function: (value + seed) combined, modulo the modulus
create table hp (a int, b text) partition by hash (a part_test_int4_ops);
create table hp0 partition of hp for values with (modulus 4, remainder 0);
create table hp1 partition of hp for values with (modulus 4, remainder 1);
create table hp2 partition of hp for values with (modulus 4, remainder 2);
create table hp3 partition of hp for values with (modulus 4, remainder 3);
insert into hp values (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e'),(null,'n'),(-7,'m');
insert into hp(a) values (generate_series(10, 13));
insert into hp values (generate_series(1, 2)), (3);
select tableoid::regclass, * from hp order by a nulls first, b;
insert into hp1 values (2, 'x');
insert into hp2 values (6, 'y');
update hp set a = a + 1 where b = 'a';
select tableoid::regclass, * from hp where b = 'a';
update hp1 set a = 8 where b = 'e';
select pg_get_partkeydef('hp'::regclass);
create table hp_bad (a text) partition by hash (a part_test_int4_ops);
create table hp_bad (a int) partition by range (a part_test_int4_ops);
create table hp_bad (a int) partition by hash (a nosuch_ops);
drop operator class part_test_int4_ops using hash;
drop operator class part_test_int4_ops using hash cascade;
select count(*) from pg_class where relname like 'hp%';

-- btree classes: a range key with a comparison support function
create function my_int4_sort(int4,int4) returns int language sql
  as $$ select case when $1 = $2 then 0 when $1 > $2 then 1 else -1 end; $$;
create operator class test_int4_ops for type int4 using btree as
  operator 1 < (int4,int4), operator 2 <= (int4,int4),
  operator 3 = (int4,int4), operator 4 >= (int4,int4),
  operator 5 > (int4,int4), function 1 my_int4_sort(int4,int4);
create operator class bad_ops for type int4 using btree as operator 6 < (int4,int4);
create operator class bad_ops for type int4 using btree as function 1 part_hashint4_noop(int4, int8);
create operator class bad_ops for type int4 using btree as operator 1 < (int4,int4), operator 1 < (int4,int4);
create table partkey_t (a int4) partition by range (a test_int4_ops);
create table partkey_t_1 partition of partkey_t for values from (0) to (1000);
insert into partkey_t values (100), (200);
insert into partkey_t values (2000);
select pg_get_partkeydef('partkey_t'::regclass);
drop table partkey_t;
drop operator class test_int4_ops using btree;
drop operator family test_int4_ops using btree;

-- DROP errors, IF EXISTS, and a family taking its classes along
drop operator class part_test_int4_ops using btree;
drop operator class nosuch using hash;
drop operator class if exists nosuch using hash;
drop operator family if exists nosuch using hash;
drop operator class nosuch using nosuch;
drop operator family part_test_int4_ops using hash;
drop operator family fam1 using hash;
select count(*) from pg_opclass where opcname = 'in_fam';
select count(*) from pg_opfamily where opfname in ('fam1', 'part_test_int4_ops', 'test_int4_ops');
drop function part_hashint4_noop(int4, int8);
drop function my_int4_sort(int4, int4);
