-- Defaults and CHECK constraints with array subscripts, slices and ANY/ALL over arrays are kept in
-- the catalog and shown as PostgreSQL shows them (pg_get_expr, pg_get_constraintdef, \d); one such
-- expression used to make every read of pg_attrdef or pg_constraint fail.
create table arr_t (
  id int primary key,
  a int default (ARRAY[5,6])[1],
  tags text[] default ARRAY['x','y'],
  first_two text[] default (ARRAY['p','q','r'])[1:2],
  c text check (c = ANY (ARRAY['x','y'])),
  n int check (n <> ALL (ARRAY[0, -1])),
  m int[] check (m[1] > 0),
  k int check (k > ANY ('{1,2}'::int[]))
);
insert into arr_t (id, c, n, m, k) values (1, 'x', 5, '{3}', 2);
insert into arr_t (id, c) values (2, 'z');
insert into arr_t (id, n) values (3, 0);
insert into arr_t (id, m) values (4, '{-1}');
insert into arr_t (id, k) values (5, 1);
select * from arr_t order by id;
select adnum, pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'arr_t'::regclass order by adnum;
select conname, pg_get_constraintdef(oid) from pg_constraint where conrelid = 'arr_t'::regclass order by conname;
select column_name, column_default from information_schema.columns where table_name = 'arr_t' order by ordinal_position;
\d arr_t
