-- identity columns: NULL declarations, defaults and NOT NULL cannot be changed under them
create table id1 (id integer generated always as identity null);
create table id1 (id integer null generated always as identity);
create table id1 (id integer generated always as identity not null, b text);
alter table id1 alter column id drop not null;
alter table id1 alter column id set default 1;
alter table id1 alter column id drop default;
alter table id1 alter column id add generated always as identity;
insert into id1 (b) values ('x');
select * from id1;
-- MERGE into an identity column
merge into id1 t using (select 10 as s_a, 'merged' as s_b) s on t.id = s.s_a
when not matched then insert (id, b) values (s.s_a, s.s_b);
merge into id1 t using (select 20 as s_a, 'merged' as s_b) s on t.id = s.s_a
when not matched then insert (id, b) overriding user value values (s.s_a, s.s_b);
merge into id1 t using (select 30 as s_a, 'merged' as s_b) s on t.id = s.s_a
when not matched then insert (id, b) overriding system value values (s.s_a, s.s_b);
select * from id1 order by id;
