-- CREATE / DROP STATISTICS and COMMENT ON STATISTICS: PostgreSQL's checks and errors, pg_statistic_ext rows,
-- pg_get_statisticsobjdef_columns, the \d footer, LIKE … INCLUDING STATISTICS (generated names, comments),
-- DROP COLUMN / DROP TABLE taking statistics along; COMMENT ON CONSTRAINT … ON DOMAIN.
create table st (a int, b text, c int);
create statistics s1 on a, b from st;
create statistics s1 on a, b from st;
create statistics if not exists s1 on a, b from st;
create statistics s2 on a from st;
create statistics s2 on a, a from st;
create statistics s2 on (a+c), (a+c) from st;
create statistics s2 on a, z from st;
create statistics s2 (nosuch) on a, b from st;
create statistics s2 (mcv) on (a+c) from st;
create statistics s2 on a, b from st, st;
create statistics s2 on a, b from nosuch;
create view stv as select * from st;
create statistics s2 on a, b from stv;
create statistics (dependencies) on a, c from st;
create statistics on (a+c) from st;
create statistics on lower(b), (a+c), c from st;
create statistics s3 on (a || b) from st;
create statistics s4 on xmin, a from st;
create statistics s5 on a, random() from st;
select stxname, stxkeys, stxkind, stxstattarget, stxexprs is not null as has_exprs, pg_get_statisticsobjdef_columns(oid) from pg_statistic_ext order by stxname;
comment on statistics s1 is 'first';
comment on statistics nosuch is 'x';
select s.stxname, d.description from pg_description d join pg_statistic_ext s on s.oid = d.objoid where d.classoid = 'pg_statistic_ext'::regclass;
\d st
alter table st drop column c;
select stxname from pg_statistic_ext order by 1;
drop statistics s1;
drop statistics s1;
drop statistics if exists s1;
drop statistics if exists s1, st_expr_stat;
select stxname from pg_statistic_ext order by 1;
create statistics s6 on a, b from st;
create statistics s7 (ndistinct, mcv) on b, (a * 2) from st;
comment on statistics s6 is 'ab stats';
comment on statistics s7 is 'b expr stats';
create table st_like (like st including statistics including comments);
create table st_like2 (like st including all);
create table st_like3 (like st including all excluding statistics);
\d st_like
select c.relname, s.stxname, s.stxkeys, s.stxkind, pg_get_statisticsobjdef_columns(s.oid), d.description
  from pg_statistic_ext s join pg_class c on c.oid = s.stxrelid
  left join pg_description d on d.classoid = 'pg_statistic_ext'::regclass and d.objoid = s.oid
  order by c.relname, s.stxname;
drop view stv;
alter table st drop column b;
select stxname from pg_statistic_ext where stxrelid = 'st'::regclass order by 1;
drop table st, st_like, st_like2, st_like3;
select count(*) from pg_statistic_ext;

-- comments on domain constraints
create domain cdom as int constraint the_constraint check (value > 0);
comment on constraint the_constraint on domain cdom is 'positive';
select description from pg_description d join pg_constraint c on c.oid = d.objoid where c.conname = 'the_constraint';
comment on constraint no_constraint on domain cdom is 'x';
comment on constraint the_constraint on domain no_dom is 'x';
create table cdom_t (a int);
comment on constraint the_constraint on domain cdom_t is 'x';
comment on constraint the_constraint on domain cdom is null;
select count(*) from pg_description d join pg_constraint c on c.oid = d.objoid where c.conname = 'the_constraint';
drop table cdom_t;
drop domain cdom;
