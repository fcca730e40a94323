-- SQL-language functions and procedures: creation, overloads, defaults, calls in expressions and FROM, errors.
create table fs_items (id int primary key, name text not null, price numeric(8,2));
insert into fs_items values (1, 'apple', 1.50), (2, 'pear', 2.25), (3, 'plum', 0.75);

create function fs_add(int, int) returns int language sql immutable as 'select $1 + $2';
select fs_add(2, 3), fs_add(fs_add(1, 1), 10);
create function fs_add(text, text) returns text language sql as $$ select $1 || $2 $$;
select fs_add('a', 'b'), fs_add(1, 2);
create function fs_add(numeric, numeric) returns numeric language sql as $$ select $1 + $2 + 1000 $$;
select fs_add(1.5, 2), fs_add(1, 2);

create function fs_price(p_id int) returns numeric language sql stable as $$
  select price from fs_items where id = p_id
$$;
select fs_price(2), fs_price(99), fs_price(null);

create function fs_strict(x int) returns text language sql strict as $$ select 'called with ' || x $$;
select fs_strict(1), fs_strict(null) is null as null_in_null_out;

create function fs_greet(name text, greeting text default 'hello') returns text
  language sql as $$ select greeting || ', ' || name $$;
select fs_greet('bob'), fs_greet('ann', 'hi');

create function fs_all() returns setof fs_items language sql as $$ select * from fs_items order by id $$;
select * from fs_all();
select name from fs_all() where price > 1 order by name;
select count(*) from fs_all();

create function fs_pairs(n int) returns table (k int, sq int) language sql as $$
  select g, g * g from generate_series(1, n) g
$$;
select * from fs_pairs(4);
select sq from fs_pairs(3) as p where k > 1;

create function fs_out(x int, out doubled int, out tripled int) language sql as $$ select x * 2, x * 3 $$;
select * from fs_out(5);

create function fs_names() returns setof text language sql as $$ select name from fs_items order by id $$;
select fs_names();
select fs_names() as n, 1 as one;

create function fs_touch(p_id int) returns void language sql as $$ update fs_items set price = price + 1 where id = p_id $$;
select fs_touch(1);
select price from fs_items where id = 1;

create function fs_ins(p_name text) returns int language sql as $$
  insert into fs_items values ((select max(id) + 1 from fs_items), p_name, 9.99) returning id
$$;
select fs_ins('kiwi');
select * from fs_items order by id;

create function fs_return(a int) returns int language sql return a * 100;
select fs_return(7);

-- errors
select fs_nosuch(1);
select fs_add(1, 2, 3);
create function fs_add(int, int) returns int language sql as 'select 0';
create or replace function fs_add(int, int) returns text language sql as 'select 0::text';
create function fs_bad() returns int as 'select 1';
create function fs_bad2() returns int language nosuchlang as 'select 1';
create function fs_bad3() language sql as 'select 1';
create function fs_mismatch() returns int language sql as $$ select 'a', 'b' $$;
select fs_mismatch();

-- replace keeps working
create or replace function fs_add(int, int) returns int language sql immutable as 'select $1 * $2';
select fs_add(6, 7);

-- procedures
create table fs_log (msg text);
create procedure fs_note(m text) language sql as $$ insert into fs_log values (m) $$;
call fs_note('first');
call fs_note('second');
select * from fs_log;
select fs_note('x');
call fs_add(1, 2);
call fs_nosuch(1);

-- drop
drop function fs_add(text, text);
select fs_add('a', 'b');
drop function fs_add;
drop function fs_nosuch(int);
drop function if exists fs_nosuch(int);
drop function if exists fs_nosuch;
drop procedure fs_note(text);
drop function fs_add(int, int), fs_add(numeric, numeric);
select fs_add(1, 2);
