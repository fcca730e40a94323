-- ALTER TABLE refusals and name choices checked against PostgreSQL.
CREATE TABLE tt9(c integer);
ALTER TABLE tt9 ADD CHECK(c > 1);
ALTER TABLE tt9 ADD CHECK(c > 2);
ALTER TABLE tt9 ADD CONSTRAINT foo CHECK(c > 3);
ALTER TABLE tt9 ADD CONSTRAINT foo CHECK(c > 4);
ALTER TABLE tt9 ADD UNIQUE(c);
ALTER TABLE tt9 ADD UNIQUE(c);
ALTER TABLE tt9 ADD CONSTRAINT tt9_c_key UNIQUE(c);
ALTER TABLE tt9 ADD CONSTRAINT foo UNIQUE(c);
ALTER TABLE tt9 ADD CONSTRAINT tt9_c_key CHECK(c > 5);
ALTER TABLE tt9 ADD CONSTRAINT tt9_c_key2 CHECK(c > 6);
ALTER TABLE tt9 ADD UNIQUE(c);
\d tt9
-- key columns that do not exist, system columns, SET WITH OIDS
alter table tt9 add constraint k1 unique (nosuch);
alter table tt9 add constraint k2 primary key (nosuch);
alter table tt9 drop xmin;
alter table tt9 drop column ctid;
alter table tt9 SET WITH OIDS;
-- views and system catalogs
create view v as select 1 as x;
alter table v alter column x set not null;
alter table v drop column x;
alter table v add column y int;
alter table v set logged;
alter table pg_class alter column relname drop not null;
alter table pg_class drop column relname;
create materialized view mv as select 1 as x;
alter table mv set (fillfactor = 50);
alter table mv alter column x set statistics 5;
alter table mv set unlogged;
select relname, reloptions from pg_class where relname = 'mv';
-- DETACH CONCURRENTLY
CREATE TABLE range_parted2 (a int) PARTITION BY RANGE(a);
CREATE TABLE part_rp PARTITION OF range_parted2 FOR VALUES FROM (0) to (100);
BEGIN;
ALTER TABLE range_parted2 DETACH PARTITION part_rp CONCURRENTLY;
COMMIT;
CREATE TABLE part_rpd PARTITION OF range_parted2 DEFAULT;
ALTER TABLE range_parted2 DETACH PARTITION part_rp CONCURRENTLY;
ALTER TABLE range_parted2 DETACH PARTITION part_rpd CONCURRENTLY;
DROP TABLE part_rpd;
ALTER TABLE range_parted2 DETACH PARTITION part_rp CONCURRENTLY;
select relname, relispartition from pg_class where relname = 'part_rp';
