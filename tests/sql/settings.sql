-- SET, SHOW and RESET of configuration parameters, and how transactions undo them
SHOW DateStyle;
SHOW datestyle;
SET datestyle = 'Postgres';
SHOW DateStyle;
SET DateStyle TO German;
SHOW DateStyle;
SET datestyle = sql, ymd;
SHOW DateStyle;
SET datestyle = 'iso, dmy';
SHOW DateStyle;
SET datestyle = 'iso, postgres';
SET datestyle = 'bogus';
RESET datestyle;
SHOW DateStyle;
SET datestyle = 'euro';
SHOW DateStyle;
SET datestyle TO DEFAULT;
SHOW DateStyle;
-- IntervalStyle and other enums
SET intervalstyle = postgres_verbose;
SHOW IntervalStyle;
SET intervalstyle = 'nope';
RESET IntervalStyle;
SHOW intervalstyle;
-- time zones
SET TIME ZONE 'America/New_York';
SHOW TimeZone;
SET timezone = 'europe/paris';
SHOW timezone;
SET timezone = 'Not/AZone';
SET TIME ZONE DEFAULT;
SHOW TIME ZONE;
-- booleans and integers
SET enable_seqscan = off;
SHOW enable_seqscan;
SET enable_seqscan TO 'yes';
SHOW enable_seqscan;
SET enable_seqscan = maybe;
SET extra_float_digits = 3;
SHOW extra_float_digits;
SET extra_float_digits = 4;
SET extra_float_digits = 'abc';
RESET extra_float_digits;
-- unknown, read-only and custom parameters
SHOW no_such_setting;
SET no_such_setting = 1;
SET server_version = '16';
SHOW integer_datetimes;
SET myapp.tenant = 'acme';
SHOW myapp.tenant;
SHOW myapp.other;
-- a SET inside a rolled-back transaction is undone; a committed one stays
BEGIN;
SET datestyle = 'SQL, DMY';
SHOW DateStyle;
ROLLBACK;
SHOW DateStyle;
BEGIN;
SET datestyle = 'SQL, DMY';
COMMIT;
SHOW DateStyle;
RESET datestyle;
-- SET LOCAL lasts until the end of the transaction
BEGIN;
SET LOCAL datestyle = 'German';
SHOW DateStyle;
COMMIT;
SHOW DateStyle;
SET LOCAL datestyle = 'German';
SHOW DateStyle;
-- a failed transaction undoes its SETs too
BEGIN;
SET intervalstyle = 'iso_8601';
SELECT 1/0;
ROLLBACK;
SHOW IntervalStyle;
-- RESET ALL
SET enable_hashjoin = off;
SET datestyle = 'sql';
RESET ALL;
SHOW enable_hashjoin;
SHOW DateStyle;
