-- reading a sequence as a relation, pg_sequences, information_schema.sequences
create sequence s1;
select * from s1;
select nextval('s1');
select last_value, is_called from s1;
select s.last_value from s1 as s;
create sequence s2 as smallint increment -2 cycle;
create table t (id int generated always as identity, n serial);
select sequence_schema, sequence_name, data_type, numeric_precision, numeric_precision_radix, numeric_scale,
       start_value, minimum_value, maximum_value, increment, cycle_option
  from information_schema.sequences order by sequence_name;
select schemaname, sequencename, sequenceowner = current_user as owner_ok, data_type, start_value, min_value, max_value,
       increment_by, cycle, cache_size, last_value
  from pg_sequences order by sequencename;
-- ALTER SEQUENCE AS moves bounds that were the old type's limits
create sequence s3 as smallint minvalue -32768;
create sequence s4 as smallint maxvalue 32767 increment -1;
alter sequence s3 as int;
alter sequence s4 as int;
select sequencename, min_value, max_value from pg_sequences where sequencename in ('s3', 's4') order by 1;
-- lastval follows setval and forgets a dropped sequence
create sequence s5;
select nextval('s5');
select setval('s5', 99);
select lastval();
select nextval('s1');
drop sequence s1;
select lastval();
create sequence s6 owned by pg_class.relname;
-- read-only transactions may use temporary sequences only
create temp sequence ts;
start transaction read only;
select nextval('ts');
select nextval('s5');
rollback;
start transaction read only;
select setval('ts', 1);
select setval('s5', 1);
rollback;
