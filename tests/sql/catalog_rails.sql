-- The catalog queries Rails' PostgreSQL adapter (ActiveRecord 6.1) sends, and the types and
-- functions they use: regproc/regprocedure, current_schemas, int2vector/oidvector subscripts.

-- regproc and regprocedure: input by name (or name(argument types)), output as the function's name.
select oid, typname, typinput::oid, typinput, typoutput, typreceive::oid, typsend::oid, typarray from pg_type where typname in ('regproc','regprocedure') order by oid;
select 'array_in(cstring,oid,integer)'::regprocedure, 'array_in(cstring,oid,integer)'::regprocedure::oid, 'int4in'::regproc, 'int4in'::regproc::regprocedure, 0::regproc, 0::regprocedure, 99999::regproc, '-'::regproc::oid;
select 'int4out'::regprocedure;
select 'nosuch'::regproc;
select 'nosuch(int4)'::regprocedure;
select 'array_in(int4)'::regprocedure;
select typinput, typoutput, typreceive, typsend, typmodin, typmodout from pg_type where typname in ('int4','_int4','varchar','numeric','timestamp','record','bool') order by oid;
select pg_typeof(typinput), pg_typeof('int4in'::regproc::regprocedure) from pg_type limit 1;
select typname from pg_type where typinput = 'array_in(cstring,oid,integer)'::regprocedure and typname in ('_int4', '_text', 'int4') order by 1;
select 'array_in'::regproc = 'array_in(cstring,oid,integer)'::regprocedure;
select 'array_in(cstring, oid, int4)'::regprocedure, ' "array_in" ( cstring , oid,int )'::regprocedure, 'pg_catalog.int4in'::regproc, 'int4in'::text::regproc;
select p::regprocedure from unnest(array['unknownout','void_out','record_out','bpcharout','timestamptz_out','varcharout','record_recv','date_in','interval_in','numerictypmodin','bpcharin','inet_out','cidr_out','byteaout']::regproc[]) p;
select 'bpcharout(bpchar)'::regprocedure, 'bpcharout(character)'::regprocedure, 'bpcharout(char)'::regprocedure;
-- ActiveRecord's type map query at connect.
select t.typname, t.typelem::regtype, t.typdelim, t.typinput, t.typtype, t.typbasetype
  from pg_type as t left join pg_range as r on oid = rngtypid
 where t.typname in ('int4', 'text', 'varchar') or t.typinput = 'array_in(cstring,oid,integer)'::regprocedure and t.typname in ('_int4', '_varchar')
 order by t.typname;

-- current_schemas(include_implicit) as name[]: ActiveRecord's table_exists? filters on = ANY (current_schemas(false)).
select current_schemas(false), current_schemas(true), pg_typeof(current_schemas(false));
select current_schemas(null);
set search_path = nosuch, public, pg_catalog;
select current_schemas(false), current_schemas(true);
create temp table tt (a int);
set search_path = public;
select current_schemas(false), array_length(current_schemas(true), 1);
select 'public' = any (current_schemas(false));

-- pg_constraint.conkey/confkey as int2[] (CHECK columns in the order they appear): ActiveRecord's foreign_keys joins on c.conkey[1].
create table p (a int, b int, primary key (a, b), c int check (c > 0 and a > 0), unique (c));
create table ch (x int, y int, z int, foreign key (y, x) references p (a, b), check (z > 1));
select conname, contype, conkey, confkey, pg_typeof(conkey), conkey[1], confkey[2] from pg_constraint where conrelid in ('p'::regclass, 'ch'::regclass) order by conname;

-- pg_index.indkey as int2vector (subscripts from 0): ActiveRecord's primary_keys uses generate_subscripts(indkey, 1) and indkey[i].
create table t (a int, b int, c int, primary key (c, a));
create index t_expr on t (b, (a + 1));
select indkey, pg_typeof(indkey), indkey[0], indkey[1], indkey[2], array_length(indkey, 1), array_lower(indkey, 1) from pg_index where indrelid = 't'::regclass order by indexrelid;
select a.attname from (select indrelid, indkey, generate_subscripts(indkey, 1) idx from pg_index where indrelid = '"t"'::regclass and indisprimary) i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[i.idx] order by i.idx;
select '1 2  3'::int2vector, '1 2'::int2vector::text, ' '::int2vector;
select typname, typelem, typcategory, typinput, typoutput from pg_type where oid = 22;
select current_schemas(1);
