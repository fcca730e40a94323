-- ALTER TYPE attribute lists, ALTER ATTRIBUTE … TYPE, and composite types in pg_class / pg_attribute (\d).
CREATE TYPE test_type AS (a int);
\d test_type
select oid::regclass, relkind, relname from pg_class where relname = 'test_type';
ALTER TYPE nosuchtype ADD ATTRIBUTE b text;
ALTER TYPE test_type ADD ATTRIBUTE b text;
ALTER TYPE test_type ADD ATTRIBUTE b text;
ALTER TYPE test_type ADD ATTRIBUTE c text, ADD ATTRIBUTE d int;
ALTER TYPE test_type ALTER ATTRIBUTE b SET DATA TYPE varchar;
\d test_type
ALTER TYPE test_type ALTER ATTRIBUTE b TYPE integer;
ALTER TYPE test_type DROP ATTRIBUTE a, ADD ATTRIBUTE e boolean;
ALTER TYPE test_type RENAME ATTRIBUTE a TO aa;
ALTER TYPE test_type RENAME ATTRIBUTE d TO dd;
\d test_type
create table tbl (x int, y test_type);
ALTER TYPE test_type ALTER ATTRIBUTE b TYPE varchar;
ALTER TYPE test_type ALTER ATTRIBUTE b TYPE varchar cascade;
ALTER TYPE test_type ALTER ATTRIBUTE nosuch TYPE varchar;
create type tt as (a int, b text);
create table typed of tt;
insert into typed values (1, '2');
alter type tt alter attribute a type bigint;
alter type tt alter attribute a type bigint cascade, add attribute c int cascade;
\d typed
select * from typed;
select attname, atttypid::regtype from pg_attribute where attrelid = (select typrelid from pg_type where typname = 'tt') order by attnum;
