-- Functions returning a composite type of CREATE TYPE … AS (scalar and SETOF, SQL and PL/pgSQL): rows in FROM,
-- the whole-row value in a select list and in UPDATE … FROM … RETURNING, field selection, a body of the wrong shape.
create table foo (f1 int, f2 text, f3 int, f4 int8);
insert into foo values (1, 'a', 2, 3), (2, 'b', 3, 4);
CREATE TYPE foo_t AS (f1 int, f2 text, f3 int, f4 int8);
CREATE FUNCTION foo_f() RETURNS SETOF foo_t AS $$ SELECT * FROM foo OFFSET 0 $$ LANGUAGE sql STABLE;
select * from foo_f();
select foo_f();
select (foo_f()).f2;
UPDATE foo SET f2 = foo_f.f2 FROM foo_f() WHERE foo_f.f1 = foo.f1 RETURNING foo_f;
create function one_t() returns foo_t as $$ select 1, 'x', 2, 3::int8 $$ language sql;
select one_t(), (one_t()).f4, * from one_t();
create function pl_t() returns foo_t as $$ declare r foo_t; begin r := row(5, 'p', 6, 7); return r; end $$ language plpgsql;
select pl_t(), * from pl_t();
create function bad_t() returns foo_t as $$ select 1 $$ language sql;
drop function foo_f(); drop function one_t(); drop function pl_t();
drop type foo_t; drop table foo;
