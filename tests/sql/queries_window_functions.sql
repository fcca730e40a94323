-- Window functions: ranking, offsets, value functions, aggregates over frames, WINDOW clause, errors
create table emp (id int primary key, dept text, sal int, hired date);
insert into emp values
  (1, 'eng', 100, '2020-01-01'), (2, 'eng', 120, '2020-03-01'), (3, 'eng', 120, '2020-06-01'),
  (4, 'ops', 80, '2019-05-01'), (5, 'ops', null, '2021-01-01'), (6, 'ops', 90, '2021-02-01'),
  (7, 'hr', 70, '2018-01-01'), (8, 'eng', 150, '2022-01-01');
select id, dept, sal,
       row_number() over (partition by dept order by sal, id) as rn,
       rank() over (partition by dept order by sal) as rk,
       dense_rank() over (partition by dept order by sal) as drk,
       percent_rank() over (partition by dept order by sal) as pr,
       cume_dist() over (partition by dept order by sal) as cd
from emp order by dept, sal, id;
select id, sal, ntile(3) over (order by id), ntile(5) over (order by id) as n5 from emp order by id;
select id, sal, lag(sal) over w, lead(sal) over w, lag(sal, 2, -1) over w, lead(sal, 3, 0) over w, lag(sal, 0) over w
from emp window w as (order by id) order by id;
select id, lag(sal, 1, 0.5) over (order by id) from emp order by id;
select id, dept, first_value(sal) over w, last_value(sal) over w, nth_value(sal, 2) over w
from emp window w as (partition by dept order by id) order by id;
select id, dept, last_value(sal) over (partition by dept order by id rows between unbounded preceding and unbounded following)
from emp order by id;
-- aggregates: default frame includes peers; no ORDER BY means the whole partition
select id, dept, sal, sum(sal) over (partition by dept order by sal) as running,
       sum(sal) over (partition by dept) as total, count(*) over (partition by dept order by sal) as c,
       avg(sal) over (partition by dept) as a, min(sal) over (order by id), max(sal) over ()
from emp order by dept, sal, id;
select id, sal, sum(sal) over (order by id rows between 1 preceding and 1 following) as s3,
       sum(sal) over (order by id rows 2 preceding) as s_prev2,
       count(*) over (order by id rows between current row and unbounded following) as rest,
       sum(sal) over (order by id rows between 2 following and 3 following) as ahead
from emp order by id;
select id, sal, sum(sal) over (order by sal range between 10 preceding and 10 following) as near,
       count(*) over (order by sal desc range between current row and 20 following) as c
from emp order by id;
select id, sal, count(*) over (order by sal groups between 1 preceding and current row) as g,
       sum(sal) over (order by sal rows between unbounded preceding and current row exclude current row) as ex_cur,
       sum(sal) over (order by sal range between unbounded preceding and unbounded following exclude group) as ex_grp,
       sum(sal) over (order by sal range between unbounded preceding and unbounded following exclude ties) as ex_ties
from emp order by id;
select id, hired, count(*) over (order by hired range between interval '6 months' preceding and current row) from emp order by id;
select id, string_agg(dept, ',') over (order by id), bool_and(sal > 75) over (order by id),
       count(sal) filter (where dept = 'eng') over (order by id)
from emp order by id;
-- windows over grouped rows
select dept, sum(sal), rank() over (order by sum(sal) desc), sum(sum(sal)) over () as grand
from emp group by dept order by dept;
select dept, count(*), row_number() over (order by dept desc) from emp group by dept order by 3;
-- named windows, inheritance and ordering by a window function
select id, row_number() over w2, sum(sal) over (w1 order by id)
from emp window w1 as (partition by dept), w2 as (w1 order by id desc) order by id;
select id, sal from emp order by row_number() over (order by sal desc nulls last), id;
select * from (select id, dept, row_number() over (partition by dept order by sal desc nulls last) as r from emp) s where r = 1 order by dept;
select distinct dept, count(*) over (partition by dept) from emp order by dept;
select row_number() over (), count(*) over () from emp where false;
-- errors
select id from emp where row_number() over () > 1;
select row_number() from emp;
select sum(row_number() over ()) from emp;
select row_number() over (order by row_number() over ()) from emp;
select lower(dept) over () from emp;
select row_number() over nope from emp;
select sum(sal) over (w partition by dept) from emp window w as (order by id);
select sum(sal) over (w order by sal) from emp window w as (order by id);
select count(distinct sal) over () from emp;
select sum(sal) over (order by sal, id range between 1 preceding and current row) from emp;
select sum(sal) over (groups 1 preceding) from emp;
select sum(sal) over (order by id rows between unbounded following and current row) from emp;
select sum(sal) over (order by id rows between current row and unbounded preceding) from emp;
select sum(sal) over (order by id rows between current row and 1 preceding) from emp;
select sum(sal) over (order by id rows between 1 following and current row) from emp;
select sum(sal) over (order by id rows between -1 preceding and current row) from emp;
select ntile(0) over () from emp;
select nth_value(sal, 0) over () from emp;
select dept, sum(sal) from emp group by dept having rank() over () > 1;
select id, sal over () from emp;
select id from emp group by row_number() over ();
select sum(sal) over (order by id) from emp window w as (order by id), w as (order by sal);
