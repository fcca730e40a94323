create table tgt (id int primary key, v text, n int default 7);
insert into tgt values (1, 'one', 1), (2, 'two', 2), (3, 'three', 3);
create table src (id int, v text);
insert into src values (2, 'TWO'), (3, 'THREE'), (4, 'FOUR'), (5, null);
merge into tgt t
using src s on t.id = s.id
when matched and s.id = 3 then delete
when matched then update set v = s.v, n = t.n + 10
when not matched and s.v is not null then insert (id, v) values (s.id, s.v)
when not matched then do nothing;
select * from tgt order by id;
merge into tgt using (values (1, 'x'), (1, 'y')) as s(id, v) on tgt.id = s.id
when matched then update set v = s.v;
merge into tgt using (values (1, 'x'), (1, 'y')) as s(id, v) on tgt.id = s.id
when matched then do nothing;
merge into tgt t using src s on t.id = s.id
when matched then delete
when matched and s.id = 2 then update set v = 'x';
merge into tgt t using (select 9 as id) s on t.id = s.id
when not matched then insert values (s.id, default, default);
merge into tgt t using (select 10 as id) s on t.id = s.id
when not matched then insert default values;
merge into tgt t using (select 11 as id) s on t.id = s.id
when not matched then insert (id) values (s.id, 1);
merge into tgt t using (select 12 as id) s on t.id = s.id
when not matched then insert (nosuch) values (s.id);
merge into tgt t using (select 4 as id) s on t.id = s.id
when matched then update set nosuch = 1;
merge into tgt t using (select 4 as id) s on t.id = s.id
when matched then update set n = default;
merge into tgt t using (select 2 as id) s on t.id = s.id
when not matched then insert (id) values (2);
select * from tgt order by id;
merge into tgt t using (select 4 as id) s on t.id = s.id
when matched then insert values (1);
merge into tgt t using nosuch s on t.id = s.id when matched then delete;
create view tv as select * from tgt;
merge into tv t using src s on t.id = s.id when matched then delete;
begin;
merge into tgt t using src s on t.id = s.id when matched then delete;
select count(*) from tgt;
rollback;
with w as (select 20 as id) merge into tgt t using w on t.id = w.id when not matched then insert (id, v) values (w.id, 'cte');
select * from tgt order by id;
