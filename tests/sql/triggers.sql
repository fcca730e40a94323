-- Triggers: BEFORE/AFTER, ROW/STATEMENT, changing and skipping rows, WHEN, TG_ variables,
-- firing order against foreign-key cascades, errors rolling back the statement.
create table tr_parent (id int primary key, name text, last_update timestamp);
create table tr_child (id int primary key, pid int references tr_parent on delete cascade on update cascade, v text);
create table tr_log (seq serial, msg text);

create function tr_log_fn() returns trigger language plpgsql as $$
begin
  insert into tr_log (msg) values (tg_name || ' ' || tg_when || ' ' || tg_level || ' ' || tg_op || ' on ' || tg_table_name
    || coalesce(' old=' || old.id, '') || coalesce(' new=' || new.id, '')
    || case when tg_nargs > 0 then ' args=' || array_to_string(tg_argv, ',') || ' first=' || tg_argv[0] else '' end);
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;

create function tr_stmt_fn() returns trigger language plpgsql as $$
begin
  insert into tr_log (msg) values (tg_name || ' ' || tg_when || ' ' || tg_level || ' ' || tg_op || ' on ' || tg_table_name);
  return null;
end $$;

create function tr_upper() returns trigger language plpgsql as $$
begin
  new.name := upper(new.name);
  new.last_update := '2020-01-01 00:00:00';
  return new;
end $$;

create trigger tr_parent_upper before insert or update on tr_parent for each row execute function tr_upper();
create trigger tr_parent_after after insert or update or delete on tr_parent for each row execute function tr_log_fn('a', 'b');
create trigger tr_parent_stmt after insert or update or delete on tr_parent for each statement execute function tr_stmt_fn();
create trigger tr_parent_bstmt before delete on tr_parent for each statement execute procedure tr_stmt_fn();
create trigger tr_child_after after update or delete on tr_child for each row execute function tr_log_fn();
create trigger "A_first" after delete on tr_parent for each row execute function tr_log_fn();

insert into tr_parent (id, name) values (1, 'alice'), (2, 'bob'), (3, 'carol');
select * from tr_parent order by id;
insert into tr_child values (10, 1, 'x'), (11, 1, 'y'), (12, 2, 'z');
update tr_parent set name = 'robert' where id = 2 returning *;
update tr_parent set id = 20 where id = 2;
delete from tr_parent where id = 1;
select msg from tr_log order by seq;
select * from tr_child order by id;
truncate tr_log;

-- BEFORE triggers that skip rows
create function tr_skip_odd() returns trigger language plpgsql as $$
begin
  if new.id % 2 = 1 then
    return null;
  end if;
  return new;
end $$;
create trigger tr_child_skip before insert on tr_child for each row execute function tr_skip_odd();
insert into tr_child values (21, 3, 'a'), (22, 3, 'b'), (23, 3, 'c') returning id;
select id from tr_child order by id;

create function tr_keep() returns trigger language plpgsql as $$
begin
  if old.v = 'keep' then return null; end if;
  return old;
end $$;
create trigger tr_child_keep before delete on tr_child for each row execute function tr_keep();
update tr_child set v = 'keep' where id = 22;
delete from tr_child where pid = 3;
select id, v from tr_child order by id;

-- WHEN conditions and UPDATE OF
create table tr_acct (id int primary key, balance int, note text);
create function tr_note() returns trigger language plpgsql as $$
begin
  new.note := 'changed from ' || old.balance || ' to ' || new.balance;
  return new;
end $$;
create trigger tr_acct_when before update on tr_acct for each row
  when (old.balance is distinct from new.balance) execute function tr_note();
insert into tr_acct values (1, 100, null), (2, 200, null);
update tr_acct set balance = balance + 5 where id = 1;
update tr_acct set balance = balance where id = 2;
select * from tr_acct order by id;

-- a trigger raising an error rolls back the whole statement
create function tr_guard() returns trigger language plpgsql as $$
begin
  if new.balance < 0 then
    raise exception 'balance of account % cannot be negative', new.id using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger tr_acct_guard before update on tr_acct for each row execute function tr_guard();
update tr_acct set balance = balance - 150;
select * from tr_acct order by id;

create function tr_after_fail() returns trigger language plpgsql as $$
begin
  raise exception 'after trigger rejects %', new.id;
end $$;
create trigger tr_acct_after_fail after insert on tr_acct for each row execute function tr_after_fail();
insert into tr_acct values (3, 300, null);
select count(*) from tr_acct;
drop trigger tr_acct_after_fail on tr_acct;

-- disable / enable
alter table tr_acct disable trigger tr_acct_guard;
update tr_acct set balance = -1 where id = 2;
alter table tr_acct enable trigger tr_acct_guard;
update tr_acct set balance = -2 where id = 2;
alter table tr_acct disable trigger all;
update tr_acct set balance = -3 where id = 2;
alter table tr_acct enable trigger all;
select * from tr_acct order by id;

-- truncate triggers
create table tr_trunc (a int);
create trigger tr_trunc_before before truncate on tr_trunc for each statement execute function tr_stmt_fn();
create trigger tr_trunc_after after truncate on tr_trunc for each statement execute function tr_stmt_fn();
truncate tr_log;
insert into tr_trunc values (1);
truncate tr_trunc;
select msg from tr_log order by seq;

-- errors
create trigger tr_bad before insert on tr_nosuch for each row execute function tr_log_fn();
create trigger tr_bad before insert on tr_acct for each row execute function tr_nosuch();
create function tr_not_trigger() returns int language sql as 'select 1';
create trigger tr_bad before insert on tr_acct for each row execute function tr_not_trigger();
create trigger tr_acct_guard before update on tr_acct for each row execute function tr_guard();
create trigger tr_bad instead of insert on tr_acct for each row execute function tr_log_fn();
create trigger tr_bad before truncate on tr_acct for each row execute function tr_log_fn();
select tr_log_fn();
drop trigger tr_nosuch on tr_acct;
drop trigger if exists tr_nosuch on tr_acct;
drop function tr_guard();
drop function tr_guard() cascade;
update tr_acct set balance = -5 where id = 1;
select * from tr_acct order by id;

-- catalog rows
create table tr_cat (a int, b text);
create function tr_cat_fn() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger tr_cat_row before insert or update of b on tr_cat for each row when (new.a > 0) execute function tr_cat_fn('x', 'y''z');
create trigger tr_cat_stmt after truncate on tr_cat for each statement execute function tr_cat_fn();
select tgname, tgtype, tgenabled, tgnargs, tgisinternal, tgdeferrable from pg_trigger where tgrelid = 'tr_cat'::regclass order by tgname;
select proname, prokind, proretset, proisstrict from pg_proc where proname in ('tr_cat_fn', 'tr_log_fn') order by proname;
select pg_get_triggerdef(oid), pg_get_triggerdef(oid, true) from pg_trigger where tgrelid = 'tr_cat'::regclass order by tgname;
drop table tr_cat;
select count(*) from pg_trigger where tgname like 'tr_cat%';

-- INSTEAD OF triggers on a view
create table io_base (id int primary key, label text);
create view io_v as select id, label, upper(label) as big from io_base;
create function io_fn() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into io_base values (new.id, new.label);
    return new;
  elsif tg_op = 'UPDATE' then
    update io_base set label = new.label where id = old.id;
    return new;
  else
    delete from io_base where id = old.id;
    return old;
  end if;
end $$;
create trigger io_t instead of insert or update or delete on io_v for each row execute function io_fn();
insert into io_v values (1, 'a', 'ignored'), (2, 'b', null);
insert into io_v (id, label) select 3, 'c';
select * from io_v order by id;
update io_v set label = label || '!' where id >= 2;
select * from io_v order by id;
delete from io_v where id = 1;
select * from io_base order by id;
create trigger io_bad instead of insert on io_base for each row execute function io_fn();
create trigger io_bad2 before insert on io_v for each row execute function io_fn();
