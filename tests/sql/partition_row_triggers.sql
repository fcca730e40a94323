-- Row triggers of partitioned tables: cloned onto every partition (also ones created or attached
-- later), fired there as the partition's own, following their parent trigger; row movement fires
-- the source partition's BEFORE UPDATE triggers first.
create table pt (a int, b text) partition by range (a);
create table pt1 partition of pt for values from (0) to (10);
create table pt2 partition of pt for values from (10) to (20) partition by range (a);
create table pt21 partition of pt2 for values from (10) to (15);
create table pt22 partition of pt2 for values from (15) to (20);
create function trg() returns trigger language plpgsql as $$
begin
  raise notice '% % % on % (%)', tg_name, tg_when, tg_op, tg_table_name, tg_level;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;
create trigger z_before before insert or update or delete on pt for each row execute function trg();
create trigger a_after after insert or update or delete on pt for each row execute function trg();
create trigger m_own before insert on pt1 for each row execute function trg();
create trigger s_stmt before insert on pt for each statement execute function trg();
insert into pt values (1, 'x'), (12, 'y');
insert into pt1 values (2, 'z');
insert into pt21 values (13, 'w');
update pt set b = b || '!' where a in (1, 13);
update pt set a = 16 where a = 12;
delete from pt where a = 2;
-- a partition attached later gets the triggers too
create table pt3 (a int, b text);
alter table pt attach partition pt3 for values from (20) to (30);
insert into pt values (25, 'q');
-- a partition created later too
create table pt4 partition of pt for values from (30) to (40);
insert into pt values (35, 'r');
select tgname, tgrelid::regclass, tgparentid <> 0 as cloned from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
drop trigger z_before on pt1;
drop trigger z_before on pt;
insert into pt values (3, 'k');
select a, b from pt order by a;

create table qt (a int, b text) partition by range (a);
create table qt1 partition of qt for values from (0) to (10);
create function trg2() returns trigger language plpgsql as $$
begin
  raise notice '% % % on % (%)', tg_name, tg_when, tg_op, tg_table_name, tg_level;
  return new;
end $$;
create table qt3 (a int, b text);
create trigger z_before before insert on qt3 for each row execute function trg2();
create trigger z_before before insert on qt for each row execute function trg2();
alter table qt attach partition qt3 for values from (20) to (30);
select tgname, tgrelid::regclass, tgparentid <> 0 as cloned from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
alter table qt disable trigger z_before;
select tgname, tgrelid::regclass, tgenabled from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
alter table qt enable trigger z_before;
alter table qt detach partition qt1;
select tgname, tgrelid::regclass, tgparentid <> 0 as cloned from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
insert into qt1 values (1, 'a');
create trigger st before insert on qt for each statement execute function trg2();
create table qt4 partition of qt for values from (40) to (50);
select tgname, tgrelid::regclass, tgparentid <> 0 as cloned from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
create or replace trigger z_before after insert on qt for each row execute function trg2();
select tgname, tgrelid::regclass, tgtype from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
create trigger y before insert on qt1 for each row execute function trg2();
alter table qt attach partition qt1 for values from (0) to (10);
create trigger y before insert on qt for each row execute function trg2();
alter table qt rename to qtx;
create trigger c1 after insert on qtx for each row execute function trg2();
drop table qt4;
select tgname, tgrelid::regclass, tgparentid <> 0 as cloned from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
drop trigger c1 on qt1;
drop table qtx;
select tgname, tgrelid::regclass from pg_trigger where not tgisinternal order by tgrelid::regclass::text, tgname;
