-- RIGHT/FULL/CROSS joins (FULL JOIN USING merges with COALESCE), set operations with ALL, DISTINCT ON,
-- aggregates with FILTER/DISTINCT/ORDER BY, generate_series in FROM, NULLIF/GREATEST/LEAST, IS DISTINCT FROM, BETWEEN SYMMETRIC
create table a (id int, x text);
create table b (id int, y text);
insert into a values (1,'a1'),(2,'a2'),(3,'a3');
insert into b values (2,'b2'),(3,'b3'),(4,'b4');
select * from a right join b on a.id = b.id order by b.id;
select * from a full join b on a.id = b.id order by coalesce(a.id, b.id);
select * from a full join b using (id) order by id;
select count(*) from a cross join b;
select id from a union select id from b order by 1;
select id from a union all select id from b order by 1;
select id from a intersect select id from b order by 1;
select id from a except select id from b order by 1;
select id from (values (1),(1),(2)) v(id) intersect all select id from (values (1),(1),(1)) w(id) order by 1;
select id from (values (1),(1),(2)) v(id) except all select id from (values (1)) w(id) order by 1;
select distinct on (id % 2) id, x from a order by id % 2, id desc;
select count(*) filter (where id > 1), count(distinct id % 2), sum(distinct id) from a;
select string_agg(x, '-' order by x desc), string_agg(distinct x, ',') from a;
select bool_and(id > 0), bool_or(id > 2), every(id > 1) from a;
select * from generate_series(1, 5) g;
select * from generate_series(1, 10, 3) as g(n);
select * from generate_series(5, 1, -2);
select n, n * 2 from generate_series(1, 3) n;
select nullif(1, 1), nullif(1, 2), greatest(1, 5, 3), least('b', 'a'), greatest(null, 2);
select 1 is distinct from null, null is not distinct from null, 2 is distinct from 2;
select 5 between 1 and 10, 5 between symmetric 10 and 1, 5 not between symmetric 10 and 1, 5 between 10 and 1;
select a.id, b.id from a join b on a.id < b.id where a.id = 2 order by 2;
select * from a natural full join (select 9 as id, 'z' as y) q order by id;
