-- Row-valued quantified comparisons with a subquery: (a, b) [NOT] IN (subquery / VALUES), op ANY/ALL with
-- =, <>, <, >= (lexicographic, NULL when a deciding field is NULL), correlated, and the too many/too few columns errors.
create table t(a int, b int);
insert into t values (1,1),(2,0),(3,3),(4,null);
select * from t where (a,b) in (values (1,1), (2,0)) order by a;
select * from t where (a,b) not in (values (1,1), (2,0)) order by a;
select * from t where (a,b) not in (values (1,1), (2,null)) order by a;
select * from t where (a,b) in (select 1, 1);
select * from t where (a,b) in (select 1);
select * from t where (a,b) in (select 1, 2, 3);
select * from t where (a,b) = any (values (1,1));
select a, (a, b) < all (select 2, 1), (a, b) >= any (select 3, 3), (a, b) <> all (select 1, 1) from t order by a;
select a, (a, 'x') in (select 1, 'x'::text) from t order by a;
select row(1,2) = any (select row(1,2));
select a from t where (a, b) in (select a + 0, b from t t2 where t2.a = t.a) order by a;
drop table t;
