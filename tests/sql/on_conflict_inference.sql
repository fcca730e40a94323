-- ON CONFLICT unique-index inference with operator classes and collations written in the
-- inference specification, through an automatically updatable view, the HINT of an unknown
-- column, a unique index over an expression deparsed as ruleutils does (coalesce), and an
-- invalid partitioned index that never arbitrates.
create table ict(key int4, fruit text);
create view ictv as select * from ict;
create unique index op_index_key on ict(key, fruit text_pattern_ops);
insert into ict values (1, 'Apple') on conflict (key, fruit) do nothing;
insert into ict values (1, 'Apple') on conflict (key, fruit text_pattern_ops) do nothing;
insert into ict values (1, 'Apple') on conflict (key, fruit text_ops) do nothing;
insert into ict values (1, 'Apple') on conflict (key, fruit collate "C") do nothing;
drop index op_index_key;
create unique index collation_index_key on ict(key, fruit collate "C");
insert into ict values (1, 'Apple') on conflict (key, fruit collate "C") do nothing;
insert into ict values (1, 'Apple') on conflict (key, fruit collate "default") do nothing;
insert into ict values (1, 'Apple') on conflict (key, fruit text_pattern_ops) do nothing;
insert into ict values (1, 'Apple') on conflict (fruit, key, fruit, key) do nothing;
drop index collation_index_key;
create unique index both_index_expr_key on ict(key, lower(fruit) collate "C" text_pattern_ops);
insert into ict values (1, 'Banana') on conflict (lower(fruit) collate "C", key, key) do nothing;
insert into ict values (1, 'banana') on conflict (lower(fruit) collate "C" text_pattern_ops, key) do update set fruit = excluded.fruit;
insert into ict values (1, 'BANANA') on conflict (lower(fruit), key) do update set fruit = excluded.fruit;
insert into ict values (1, 'BANANA') on conflict (lower(fruit) text_ops, key) do nothing;
insert into ict values (1, 'x') on conflict (key, fruit nosuch_ops) do nothing;
select * from ict order by key, fruit;

-- through a view
insert into ictv values (2, 'Cherry') on conflict (lower(fruit), key) do nothing;
insert into ictv as t values (2, 'cherry') on conflict (lower(fruit), key) where fruit like '%y' and t.fruit = 'x' do nothing;
insert into ictv values (2, 'CHERRY') on conflict (lower(fruit), key) do update set fruit = excluded.fruit returning *;
select * from ict order by key, fruit;

-- unknown column: a HINT naming EXCLUDED's column only under DO UPDATE
insert into ict values (1, 'Apple') on conflict (keyy) do nothing;
insert into ict values (1, 'Apple') on conflict (keyy) do update set fruit = excluded.fruit;
insert into ict as t values (1, 'Apple') on conflict (keyy) do update set fruit = excluded.fruit;

-- a unique index over coalesce
create table ic2 (a int, b int);
create unique index ic2_i1 on ic2(coalesce(a, 0));
insert into ic2 values (1, 2);
insert into ic2 values (1, 2);
insert into ic2 values (1, 2) on conflict (coalesce(a, 0)) do update set b = 5;
insert into ic2 values (null, 2), (0, 3);
select * from ic2 order by a nulls first;

-- an index made ON ONLY a partitioned table is invalid while a partition lacks one
create table pc (a int, b text) partition by range (a);
create table pc_1 partition of pc for values from (0) to (1000) partition by range (a);
create table pc_1_1 partition of pc_1 for values from (0) to (500);
create unique index on only pc_1 (a);
insert into pc values (40, 'forty');
insert into pc_1 values (40, 'cuarenta') on conflict (a) do update set b = excluded.b;
create unique index on pc_1_1 (a);
alter index pc_1_a_idx attach partition pc_1_1_a_idx;
insert into pc_1 values (40, 'cuarenta') on conflict (a) do update set b = excluded.b;
select * from pc order by a;
drop table pc;
drop view ictv;
drop table ict, ic2;
