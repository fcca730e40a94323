-- regtype/regnamespace and the system information functions behind psql's describe commands.
select 'public'::regnamespace, 'pg_catalog'::regnamespace::oid, 2200::regnamespace::text, 99999::regnamespace, 'PUBLIC'::regnamespace;
select 'nosuch'::regnamespace;
select 'int4'::regtype, 'character varying'::regtype::oid, 1043::regtype::text, 'bpchar'::regtype, 99999::regtype, 'integer'::regtype::text;
select 'nosuchtype'::regtype;
select pg_typeof('public'::regnamespace), pg_typeof(1::regtype);
select format_type('int4'::regtype, null), format_type(1042, null), format_type(1042, -1), format_type(1043, 14),
       format_type(1700, 655366), format_type(1114, 3), format_type(0, -1), format_type(99999, -1), format_type(null, 1);
create table t (a int primary key, b text default 'x');
create index t_b on t (b) where b <> '';
select pg_table_is_visible('t'::regclass), pg_table_is_visible('t_b'::regclass), pg_table_is_visible('pg_class'::regclass), pg_table_is_visible(99999);
select pg_get_userbyid(10), pg_get_userbyid(99999);
select quote_ident('abc'), quote_ident('Abc'), quote_ident('a"b'), quote_ident('select'), quote_ident('');
select pg_get_indexdef('t_b'::regclass), pg_get_indexdef('t_b'::regclass, 1, false), pg_get_indexdef('t_b'::regclass, 2, true), pg_get_indexdef(99999);
select pg_get_constraintdef(99999), pg_get_triggerdef(99999), pg_relation_is_publishable('t'::regclass), pg_relation_is_publishable('t_b'::regclass);
select relname, relkind, relam, relhasindex, relnatts, relpersistence, relreplident from pg_class where relnamespace = 'public'::regnamespace order by relname;
select amname, amtype from pg_am where amname in ('heap', 'btree') order by oid;
select indnatts, indisunique, indisprimary, indimmediate, indisvalid from pg_index where indrelid = 't'::regclass order by indexrelid;
select attname, format_type(atttypid, atttypmod), attnum from pg_attribute where attrelid = 't_b'::regclass;
