-- PL/pgSQL: declarations, control flow, queries into variables, exceptions, RAISE, dynamic SQL, DO.
create table pl_t (id int primary key, v text, n int);
insert into pl_t values (1, 'one', 10), (2, 'two', 20), (3, 'three', 30);

create function pl_fact(n int) returns bigint language plpgsql as $$
declare
  r bigint := 1;
begin
  for i in 1..n loop
    r := r * i;
  end loop;
  return r;
end $$;
select pl_fact(0), pl_fact(5), pl_fact(20);

create function pl_classify(x int) returns text language plpgsql immutable as $$
begin
  if x is null then return 'null';
  elsif x < 0 then return 'negative';
  elseif x = 0 then return 'zero';
  else return 'positive';
  end if;
end $$;
select pl_classify(-3), pl_classify(0), pl_classify(8), pl_classify(null);

create function pl_case(x int) returns text language plpgsql as $$
begin
  case x
    when 1, 2 then return 'small';
    when 3 then return 'three';
    else return 'other';
  end case;
end $$;
select pl_case(1), pl_case(3), pl_case(9);

create function pl_case2(x int) returns text language plpgsql as $$
begin
  case when x > 10 then return 'big'; when x > 5 then return 'medium'; end case;
end $$;
select pl_case2(20), pl_case2(6);
select pl_case2(1);

create function pl_loops() returns text language plpgsql as $$
declare
  s text := '';
  i int := 0;
begin
  loop
    i := i + 1;
    exit when i > 5;
    continue when i = 2;
    s := s || i;
  end loop;
  while i > 0 loop
    i := i - 2;
    s := s || '.';
  end loop;
  for j in reverse 10..1 by 3 loop
    s := s || '<' || j || '>';
  end loop;
  <<outer>>
  for a in 1..3 loop
    for b in 1..3 loop
      exit outer when a * b = 4;
      s := s || a * b;
    end loop;
  end loop outer;
  return s;
end $$;
select pl_loops();

create function pl_sum_query() returns int language plpgsql as $$
declare
  r record;
  total int := 0;
begin
  for r in select * from pl_t order by id loop
    total := total + r.n;
  end loop;
  return total;
end $$;
select pl_sum_query();

create function pl_foreach(arr int[]) returns int language plpgsql as $$
declare x int; s int := 0;
begin
  foreach x in array arr loop s := s + x; end loop;
  return s;
end $$;
select pl_foreach(array[1,2,3,4]);

create function pl_into(p_id int) returns text language plpgsql as $$
declare
  t pl_t%rowtype;
  v_name pl_t.v%type;
begin
  select * into t from pl_t where id = p_id;
  if not found then
    return 'missing';
  end if;
  select v into v_name from pl_t where id = p_id;
  return t.id || ':' || v_name || ':' || t.n;
end $$;
select pl_into(2), pl_into(42);

create function pl_strict(p_n int) returns text language plpgsql as $$
declare r text;
begin
  select v into strict r from pl_t where n > p_n;
  return r;
end $$;
select pl_strict(25);
select pl_strict(100);
select pl_strict(0);

create function pl_dml() returns text language plpgsql as $$
declare
  k int;
  c int;
begin
  insert into pl_t values (10, 'ten', 100) returning id into k;
  update pl_t set n = n + 1 where id > 1;
  get diagnostics c = row_count;
  delete from pl_t where id = 10;
  return k || ' ' || c || ' ' || found;
end $$;
select pl_dml();
select * from pl_t order by id;

create function pl_perform() returns boolean language plpgsql as $$
begin
  perform 1 from pl_t where id = 999;
  return found;
end $$;
select pl_perform();

create function pl_noinfo() returns int language plpgsql as $$
begin
  select 1;
  return 1;
end $$;
select pl_noinfo();

create function pl_raise(x int) returns int language plpgsql as $$
begin
  raise notice 'x is %, twice is %', x, x * 2;
  raise warning 'a warning with 100%% certainty';
  if x < 0 then
    raise exception 'negative value: %', x using hint = 'Use a positive value.', detail = 'x was ' || x;
  end if;
  if x = 0 then
    raise exception using errcode = 'division_by_zero', message = 'custom zero';
  end if;
  if x = 1 then
    raise sqlstate '22012';
  end if;
  return x;
end $$;
select pl_raise(5);
select pl_raise(-1);
select pl_raise(0);
select pl_raise(1);

create function pl_catch(a int, b int) returns text language plpgsql as $$
begin
  return (a / b)::text;
exception
  when division_by_zero then
    return 'caught: ' || sqlerrm || ' (' || sqlstate || ')';
end $$;
select pl_catch(10, 2), pl_catch(1, 0);

create function pl_sub(p_id int) returns text language plpgsql as $$
declare msg text;
begin
  begin
    insert into pl_t values (p_id, 'new', 0);
    insert into pl_t values (p_id, 'dup', 0);
  exception when unique_violation then
    get stacked diagnostics msg = message_text;
    return 'rolled back: ' || msg;
  end;
  return 'ok';
end $$;
select pl_sub(50);
select count(*) from pl_t where id = 50;

create function pl_others() returns text language plpgsql as $$
begin
  perform 1 / 0;
  return 'no';
exception when others then
  return 'others: ' || sqlstate;
end $$;
select pl_others();

create function pl_reraise() returns int language plpgsql as $$
begin
  begin
    raise exception 'inner problem';
  exception when raise_exception then
    raise notice 'handling %', sqlerrm;
    raise;
  end;
  return 1;
end $$;
select pl_reraise();

create function pl_dynamic(tbl text, key int) returns text language plpgsql as $$
declare r text; c bigint;
begin
  execute format('select count(*) from %I', tbl) into c;
  execute 'select v from ' || quote_ident(tbl) || ' where id = $1' into r using key;
  return c || ' rows, ' || coalesce(r, '-');
end $$;
select pl_dynamic('pl_t', 3), pl_dynamic('pl_t', 77);

create function pl_setof(lim int) returns setof int language plpgsql as $$
declare i int;
begin
  for i in 1..lim loop
    return next i * 10;
  end loop;
  return;
end $$;
select * from pl_setof(3);

create function pl_query(min_n int) returns table (id int, v text) language plpgsql as $$
begin
  return query select t.id, t.v from pl_t t where t.n >= min_n order by t.id;
end $$;
select * from pl_query(21);

create function pl_out(x int, out a int, out b text) language plpgsql as $$
begin
  a := x + 1;
  b := 'b' || x;
end $$;
select * from pl_out(4);

create function pl_noreturn() returns int language plpgsql as $$ begin end $$;
select pl_noreturn();

create function pl_recurse(n int) returns int language plpgsql as $$
begin
  if n <= 1 then return 1; end if;
  return n + pl_recurse(n - 1);
end $$;
select pl_recurse(50);

create function pl_const() returns int language plpgsql as $$
declare k constant int := 5;
begin
  return k * 2;
end $$;
select pl_const();

create function pl_assert(x int) returns int language plpgsql as $$
begin
  assert x > 0, 'x must be positive';
  return x;
end $$;
select pl_assert(3);
select pl_assert(-3);

create function pl_null_var() returns text language plpgsql as $$
declare x int; s text;
begin
  s := coalesce(x::text, 'unset');
  return s;
end $$;
select pl_null_var();

create function pl_bad_syntax() returns int language plpgsql as $$
begin
  return 1
end $$;

do $$
declare n int;
begin
  select count(*) into n from pl_t;
  raise notice 'pl_t has % rows', n;
end $$;

do language plpgsql $$ begin raise notice 'done'; end $$;

do $$ begin raise exception 'failing do block'; end $$;

create procedure pl_proc(p_id int, p_v text) language plpgsql as $$
begin
  insert into pl_t values (p_id, p_v, 0);
  raise notice 'inserted %', p_id;
end $$;
call pl_proc(60, 'sixty');
select * from pl_t where id = 60;

-- a failing call rolls back the whole statement
create function pl_fail_after_write() returns int language plpgsql as $$
begin
  insert into pl_t values (70, 'seventy', 0);
  raise exception 'after write';
end $$;
select pl_fail_after_write();
select count(*) from pl_t where id = 70;
