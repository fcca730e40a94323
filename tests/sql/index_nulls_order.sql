-- An index keeps the NULLS FIRST/LAST it was created with (pg_get_indexdef, \d show it as PostgreSQL does)
-- and ordered queries over such keys give PostgreSQL's order.
create table dn (a int, b int);
insert into dn values (1, 1), (null, 2), (3, 3), (2, null), (null, null);
create index dn_a_desc_nl on dn (a desc nulls last);
create index dn_b_nf on dn (b nulls first);
create index dn_ab on dn (a asc nulls first, b desc);
select pg_get_indexdef('dn_a_desc_nl'::regclass), pg_get_indexdef('dn_b_nf'::regclass), pg_get_indexdef('dn_ab'::regclass);
set enable_seqscan = off;
select a from dn order by a desc nulls last;
select b from dn order by b nulls first;
select a, b from dn order by a nulls first, b desc;
select a from dn where a > 1 order by a desc nulls last;
\d dn
