-- RENAME COLUMN: expressions of the table that name the column follow it.
create table r (a int, b int generated always as (a * 2) stored, c text, check (a > 0), check (r.a < 100));
create index r_lower on r (lower(c)) where a > 1;
create unique index r_expr on r ((a + 1));
alter table r rename column a to aa;
alter table r rename column c to cc;
\d r
insert into r (aa, cc) values (5, 'X');
insert into r (aa, cc) values (0, 'y');
select * from r;
select pg_get_indexdef('r_lower'::regclass), pg_get_indexdef('r_expr'::regclass);
select conname, pg_get_constraintdef(oid) from pg_constraint where conrelid = 'r'::regclass order by 1;
create table rp (a int, b int) partition by range ((a + b));
alter table rp rename column a to x;
\d rp
