-- User-defined aggregates (CREATE AGGREGATE): state and final functions, INITCOND, strictness,
-- DISTINCT / ORDER BY / FILTER, GROUP BY, window use, views, catalogs, DROP and errors.
create table ua_sales (id int primary key, region text, amount int, note text);
insert into ua_sales values
  (1, 'north', 10, 'a'), (2, 'north', 20, null), (3, 'south', 5, 'b'),
  (4, 'south', null, 'c'), (5, 'south', 5, 'd'), (6, 'east', null, null);

-- sum-like: a strict state function and a NULL initial state (the first input becomes the state).
create function ua_add(int, int) returns int language sql immutable strict as 'select $1 + $2';
create aggregate ua_sum(int) (sfunc = ua_add, stype = int);
select ua_sum(amount), sum(amount) from ua_sales;
select region, ua_sum(amount) from ua_sales group by region order by region;
select ua_sum(amount) from ua_sales where false;

-- avg-like: an array state with INITCOND and a final function.
create function ua_avg_step(numeric[], int) returns numeric[] language sql immutable strict
  as 'select array[$1[1] + $2, $1[2] + 1]';
create function ua_avg_final(numeric[]) returns numeric language sql immutable
  as 'select case when $1[2] = 0 then null else round($1[1] / $1[2], 2) end';
create aggregate ua_avg(int) (sfunc = ua_avg_step, stype = numeric[], finalfunc = ua_avg_final, initcond = '{0,0}');
select ua_avg(amount), round(avg(amount), 2) from ua_sales;
select region, ua_avg(amount) from ua_sales group by region order by region;
select ua_avg(amount) from ua_sales where false;

-- A non-strict state function sees NULLs; INITCOND written as a number.
create function ua_count_step(bigint, int) returns bigint language sql immutable as 'select $1 + 1';
create aggregate ua_count_all(int) (sfunc = ua_count_step, stype = bigint, initcond = 0);
select ua_count_all(amount), count(*) from ua_sales;
select ua_count_all(amount) from ua_sales where false;

-- A strict final function is not called for a NULL state.
create function ua_label(int) returns text language sql strict as $$ select 'total ' || $1 $$;
create aggregate ua_total(int) (sfunc = ua_add, stype = int, finalfunc = ua_label);
select region, ua_total(amount) from ua_sales group by region order by region;

-- Pagila's group_concat: a non-strict SQL function and no initial condition.
create function _ua_group_concat(text, text) returns text language sql immutable as $_$
select case
  when $2 is null then $1
  when $1 is null then $2
  else $1 || ', ' || $2
end
$_$;
create aggregate ua_group_concat(text) (sfunc = _ua_group_concat, stype = text);
select ua_group_concat(region order by id) from ua_sales;
select ua_group_concat(distinct region) from ua_sales;
select ua_group_concat(region order by region desc) filter (where amount > 5) from ua_sales;
select region, ua_group_concat(note order by note) from ua_sales group by region order by region;
select ua_group_concat(note) from ua_sales where false;

-- As window functions.
select id, ua_sum(amount) over (order by id) as running, ua_group_concat(note) over (partition by region order by id) as notes
from ua_sales order by id;
select id, ua_avg(amount) over (rows between 1 preceding and 1 following) from ua_sales order by id;

-- In HAVING and ORDER BY, and mixed with built-in aggregates.
select region, ua_sum(amount) from ua_sales group by region having ua_sum(amount) > 9 order by ua_sum(amount) desc;
select count(*), ua_sum(amount) + 1, max(ua_total(amount)) over () from ua_sales;

-- Zero-argument aggregates and the old syntax.
create function ua_inc(bigint) returns bigint language sql immutable as 'select $1 + 1';
create aggregate ua_rows(*) (sfunc = ua_inc, stype = bigint, initcond = '0');
select ua_rows(*) from ua_sales;
select ua_rows() from ua_sales;
create aggregate ua_old (basetype = int, sfunc = ua_add, stype = int);
select ua_old(amount) from ua_sales;
create aggregate ua_old_star (basetype = 'ANY', sfunc = ua_inc, stype = bigint, initcond = '0');
select ua_old_star(*) from ua_sales;

-- Attributes PostgreSQL accepts without changing the result, and FINALFUNC_EXTRA.
create aggregate ua_sum_par(int) (sfunc = ua_add, stype = int, combinefunc = ua_add, parallel = safe);
select ua_sum_par(amount) from ua_sales;
create function ua_extra_final(int, int) returns text language sql as $$ select coalesce($1::text, 'none') || '/' || coalesce($2::text, 'null') $$;
create aggregate ua_extra(int) (sfunc = ua_add, stype = int, finalfunc = ua_extra_final, finalfunc_extra);
select ua_extra(amount) from ua_sales;
create aggregate ua_unknown(int) (sfunc = ua_add, stype = int, foo = 1);

-- A PL/pgSQL state function.
create function ua_max_step(state int, v int) returns int language plpgsql immutable as $$
begin
  if state is null or v > state then return v; end if;
  return state;
end $$;
create aggregate ua_max(int) (sfunc = ua_max_step, stype = int);
select ua_max(amount), max(amount) from ua_sales;

-- Catalogs.
select p.proname, p.prokind, p.proisstrict, a.aggkind, a.aggnumdirectargs, a.aggtransfn, a.aggfinalfn,
       a.aggtranstype::regtype, a.agginitval, a.aggfinalextra
from pg_aggregate a join pg_proc p on p.oid = a.aggfnoid
where p.proname like 'ua%' order by p.proname;

-- Errors.
select ua_sum(amount::bigint) from ua_sales;
select ua_sum(amount) from ua_sales where ua_sum(amount) > 1;
select ua_sum(ua_sum(amount)) from ua_sales;
create aggregate ua_sum(int) (sfunc = ua_add, stype = int);
create aggregate ua_bad(int) (sfunc = ua_nope, stype = int);
create aggregate ua_bad(text) (sfunc = ua_add, stype = text);
create aggregate ua_bad(smallint) (sfunc = ua_add, stype = int);
create aggregate ua_bad(int) (sfunc = ua_count_step, stype = int);
create aggregate ua_bad(int) (sfunc = ua_add, stype = int, finalfunc = ua_nope);
create aggregate ua_bad(int) (sfunc = ua_add);
create aggregate ua_bad(int) (stype = int);
create aggregate ua_bad(int) (sfunc = ua_add, stype = int, initcond = 'abc');
create aggregate ua_bad(int) (sfunc = ua_add, stype = int, msfunc = ua_add);
create aggregate ua_bad (sfunc = ua_add, stype = int);
create function ua_add8(bigint, int) returns bigint language sql strict as 'select $1 + $2';
create aggregate ua_bad(int) (sfunc = ua_add8, stype = bigint);
create or replace aggregate ua_total(int) (sfunc = ua_add, stype = int);
create or replace function ua_sum(int) returns int language sql as 'select 1';
create function ua_sum(int) returns int language sql as 'select 1';
create or replace aggregate ua_add(int, int) (sfunc = ua_add, stype = int);
select ua_bad(1);

-- CREATE OR REPLACE keeps the return type and changes the definition.
create or replace aggregate ua_sum(int) (sfunc = ua_add, stype = int, initcond = '100');
select ua_sum(amount) from ua_sales;

-- ALTER AGGREGATE.
create schema ua_s;
alter aggregate ua_old(int) rename to ua_old2;
select ua_old2(amount) from ua_sales;
alter aggregate ua_old2(int) set schema ua_s;
select ua_s.ua_old2(amount) from ua_sales;
alter aggregate ua_s.ua_old2(int) owner to current_user;
alter aggregate ua_missing(int) rename to x;

-- Views and dependencies.
create view ua_v as select region, ua_group_concat(note order by note) as notes, ua_sum(amount) as total
from ua_sales group by region;
select * from ua_v order by region;
drop aggregate ua_group_concat(text);
drop function _ua_group_concat(text, text);
drop function ua_add(int, int);
drop function ua_sum(int);
drop aggregate ua_add(int, int);
drop aggregate ua_missing(int);
drop aggregate if exists ua_missing(int);
drop aggregate if exists ua_missing(*);
drop aggregate ua_rows(*);
drop aggregate ua_rows(*);
drop aggregate ua_group_concat(text) cascade;
select * from ua_v;
drop function ua_add(int, int) cascade;
select proname from pg_proc where proname like 'ua%' order by proname;
