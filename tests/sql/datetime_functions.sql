-- Date/time functions and the template functions (to_char, to_number, to_date, to_timestamp)
-- with fixed values only; TimeZone, DateStyle and IntervalStyle are set here so the script
-- means the same under any client environment.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';
SET IntervalStyle = 'postgres';

-- age: field-by-field differences, borrowing days from the month before
SELECT age(timestamp '2024-01-02', timestamp '2020-03-04') AS a1,
       age(timestamp '2020-03-04', timestamp '2024-01-02 05:06:07.5') AS a2;
SELECT age(timestamp '2024-03-01', timestamp '2024-01-31') AS a1, age(timestamp '2024-01-31', timestamp '2024-03-01') AS a2,
       age(timestamp '2023-03-01', timestamp '2023-01-31') AS a3, age(timestamp '2024-02-29 23:00', timestamp '2023-02-28 23:30') AS a4;
SELECT age(date '2024-03-01', date '2023-02-28') AS a, pg_typeof(age(date '2024-03-01', date '2023-02-28')) AS t;
SELECT age(timestamptz '2024-03-10 12:00+00', timestamptz '2024-03-09 12:00+00') AS a;
SELECT age(timestamp '2001-04-10') = age(current_date::timestamp, timestamp '2001-04-10') AS one_arg,
       age(timestamptz '2001-04-10 00:00+00') = age(current_date::timestamptz, timestamptz '2001-04-10 00:00+00') AS one_arg_tz;
SELECT age(NULL::timestamp, timestamp '2020-01-01') IS NULL AS null_arg;

-- make_date, make_timestamp, make_timestamptz
SELECT make_date(2020, 2, 29) AS d1, make_date(-44, 3, 15) AS d2, make_date(1, 1, 1) AS d3;
SELECT make_date(0, 1, 1);
SELECT make_date(2013, 2, 30);
SELECT make_date(2013, 13, 1);
SELECT make_timestamp(2013, 7, 15, 8, 15, 23.5) AS t1, make_timestamp(-1, 1, 1, 0, 0, 0) AS t2,
       make_timestamp(2013, 7, 15, 24, 0, 0) AS t3, make_timestamp(2013, 7, 15, 8, 15, 59.9999999) AS t4;
SELECT make_timestamp(2013, 7, 15, 25, 15, 23.5);
SELECT make_timestamp(2013, 7, 15, 8, 15, 60.5);
SELECT make_timestamp(2013, 7, 15, 8, 61, 0);
SELECT make_timestamp(2013, 7, 15, -1, 0, 0);
SELECT make_timestamptz(2013, 7, 15, 8, 15, 23.5) AS z1,
       make_timestamptz(2013, 7, 15, 8, 15, 23.5, 'America/New_York') AS z2,
       make_timestamptz(2013, 7, 15, 8, 15, 23.5, '+2') AS z3,
       make_timestamptz(2013, 12, 15, 8, 15, 23.5, 'EST') AS z4;
SELECT make_timestamptz(2013, 7, 15, 8, 15, 23.5, 'Nowhere/Zone');

-- make_interval (positional)
SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5) AS i1, make_interval() AS i2, make_interval(0, 0, 0, 0, 0, 0, 1.0000005) AS i3,
       make_interval(1) AS i4, make_interval(0, 0, 0, 0, 0, 90) AS i5, make_interval(0, 0, 0, -3) AS i6;
SELECT make_interval(0, 0, 0, 0, 0, 0, 'nan');

-- justify_days / justify_hours / justify_interval
SELECT justify_days(interval '65 days -1 hour') AS j1, justify_days(interval '-35 days') AS j2, justify_days(interval '1 month -40 days') AS j3;
SELECT justify_hours(interval '27 hours') AS h1, justify_hours(interval '1 day -27 hours') AS h2, justify_hours(interval '-1 day 3 hours') AS h3;
SELECT justify_interval(interval '1 mon -1 hour') AS v1, justify_interval(interval '-1 mon 1 hour') AS v2,
       justify_interval(interval '29 days 25 hours') AS v3, justify_interval(interval '-1 month 30 days -1 hour') AS v4,
       justify_interval(interval '1 year -400 days 3 hours') AS v5;

-- isfinite
SELECT isfinite(date 'infinity') AS d1, isfinite(date '2020-01-01') AS d2, isfinite(timestamp '-infinity') AS t1,
       isfinite(timestamp '2020-01-01') AS t2, isfinite(timestamptz 'infinity') AS z1, isfinite(interval '1 day') AS i1;

-- date_bin
SELECT date_bin(interval '15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01') AS b1,
       date_bin(interval '15 minutes', timestamp '2000-02-11 15:44:17', timestamp '2001-01-01') AS b2,
       date_bin(interval '1 day', timestamptz '2020-02-11 15:44:17+00', timestamptz '2001-01-01 03:00+00') AS b3,
       date_bin(interval '7 days 1 second', timestamp '2020-02-11 15:44:17', timestamp '2020-02-11 15:44:17') AS b4;
SELECT date_bin(interval '1 month', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01');
SELECT date_bin(interval '0 days', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01');
SELECT date_bin(interval '-1 days', timestamptz '2020-02-11 15:44:17', timestamptz '2001-01-01');

-- to_timestamp(double precision): seconds since 1970-01-01 00:00 UTC
SELECT to_timestamp(0) AS e0, to_timestamp(1284352323.5) AS e1, to_timestamp(-1.5) AS e2,
       to_timestamp('infinity'::float8) AS e3, to_timestamp('-infinity'::float8) AS e4, pg_typeof(to_timestamp(0)) AS t;
SELECT to_timestamp(1e20);
SELECT to_timestamp('nan'::float8);

-- the current time, as far as it can be printed without changing
SELECT pg_typeof(timeofday()) AS t, length(timeofday()) > 20 AS long_enough,
       clock_timestamp() >= transaction_timestamp() AS clock_after, statement_timestamp() >= transaction_timestamp() AS stmt_after,
       pg_typeof(current_timestamp(2)) AS ct, pg_typeof(localtimestamp(1)) AS lt;

-- generate_series over timestamps, in FROM and in the select list
SELECT * FROM generate_series(timestamp '2024-01-30', timestamp '2024-05-01', interval '1 month') AS g;
SELECT * FROM generate_series(timestamp '2024-01-03', timestamp '2024-01-01', interval '-12 hours') WITH ORDINALITY AS g(t, n);
SELECT generate_series(timestamptz '2024-01-01 00:00+00', timestamptz '2024-01-01 02:00+00', interval '40 minutes') AS g;
SELECT g, pg_typeof(g) FROM generate_series(date '2024-02-27', date '2024-03-01', interval '1 day') AS g;
SELECT count(*) FROM generate_series(timestamp '2024-01-01', timestamp '2023-01-01', interval '1 day');
SELECT * FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-02', interval '0 days');
SELECT generate_series(timestamptz '2024-01-01', timestamptz '2024-01-02', interval '0 hours');
SELECT * FROM generate_series(timestamp '2024-01-01', NULL, interval '1 day');
SELECT x, generate_series(x, x + interval '2 days', interval '1 day') AS g
FROM (VALUES (timestamp '2024-02-28'), (timestamp '2023-02-28')) v(x) ORDER BY x, g;
-- to_char of timestamps: every date/time template pattern
CREATE TABLE tc_ts (t timestamp);
INSERT INTO tc_ts VALUES ('2024-01-02 03:04:05.006789'), ('1999-12-31 23:59:59.999999'), ('2020-02-29 12:00:00'),
  ('0044-03-15 13:30:00 BC'), ('2021-01-03 00:00:00'), ('12345-06-07 08:09:10'), ('2008-12-29 18:00:00'), ('0001-01-01 00:00:00');
SELECT t, to_char(t, 'YYYY Y,YYY YYY YY Y IYYY IYY IY I') AS years, to_char(t, 'CC Q MM DD DDD IDDD D ID W WW IW J') AS numbers
FROM tc_ts ORDER BY t;
SELECT t, to_char(t, 'HH HH12 HH24 MI SS MS US SSSS SSSSS FF1 FF2 FF3 FF4 FF5 FF6') AS times, to_char(t, 'AM am PM pm A.M. a.m. P.M. p.m. AD ad BC bc A.D. b.c.') AS markers
FROM tc_ts ORDER BY t;
SELECT t, to_char(t, 'MONTH|Month|month|MON|Mon|mon|DAY|Day|day|DY|Dy|dy|RM|rm') AS names FROM tc_ts ORDER BY t;
SELECT t, to_char(t, 'FMMONTH|FMMonth|FMDay|FMDD|FMMM|FMHH12|FMRM|FMYYYY|FMUS') AS fm, to_char(t, 'DDth DDTH FMDDth FMMMth IWth Yth HH24TH FMDDDth') AS th
FROM tc_ts ORDER BY t;
SELECT to_char(timestamp '2024-01-01 00:00', 'FMDDth') AS d1, to_char(timestamp '2024-01-02', 'FMDDth') AS d2, to_char(timestamp '2024-01-03', 'FMDDth') AS d3,
       to_char(timestamp '2024-01-11', 'FMDDth') AS d11, to_char(timestamp '2024-01-12', 'FMDDth') AS d12, to_char(timestamp '2024-01-13', 'FMDDth') AS d13,
       to_char(timestamp '2024-01-21', 'FMDDth') AS d21, to_char(timestamp '2024-01-22', 'FMDDTH') AS d22, to_char(timestamp '2024-01-23', 'FMDDth') AS d23;
-- literals, quotes and backslashes; characters that are no keyword are copied
SELECT to_char(timestamp '2024-01-02 03:04:05', 'a"b\"c"d\e \"x\\y "q\x"') AS q1,
       to_char(timestamp '2024-01-02 03:04:05', '"Day:" Day, "the" DDth "of" Month') AS q2,
       to_char(timestamp '2024-01-02 03:04:05', 'YYYY-MM-DD"T"HH24:MI:SS') AS iso,
       to_char(timestamp '2024-01-02 03:04:05', 'Hh24 hH yYYY Yyyy mOnth') AS mixed,
       to_char(timestamp '2024-01-02 03:04:05', 'TMMonth TMDay FX SPDD DDSP hh24 mi ss') AS mods;
SELECT to_char(timestamp '2024-01-02 03:04:05', '') AS empty, to_char(timestamp 'infinity', 'YYYY') AS inf, to_char(NULL::timestamp, 'YYYY') AS nul;
-- a timestamp has no zone: TZ prints nothing, OF +00
SELECT to_char(timestamp '2024-01-02 03:04:05', 'TZ|tz|OF|TZH|TZM') AS zone;
-- timestamptz: fields, TZ and OF in the session TimeZone
SELECT to_char(timestamptz '2024-01-02 03:04:05+00', 'YYYY-MM-DD HH24:MI:SS TZ tz OF TZH:TZM') AS utc;
SET TimeZone = 'America/New_York';
SELECT t, to_char(t, 'YYYY-MM-DD HH24:MI:SS TZ OF TZH TZM') AS local
FROM (VALUES (timestamptz '2024-03-10 06:59:59+00'), (timestamptz '2024-03-10 07:00:00+00'), (timestamptz '2024-11-03 05:30:00+00'), (timestamptz '2024-11-03 06:30:00+00')) v(t) ORDER BY t;
SELECT to_char(date '2024-07-04', 'YYYY-MM-DD TZ OF') AS d;
SET TimeZone = 'Asia/Kolkata';
SELECT to_char(timestamptz '2024-01-02 03:04:05+00', 'HH24:MI TZ OF TZH:TZM') AS india;
SET TimeZone = 'UTC';
-- to_char of intervals
SELECT to_char(interval '1 year 2 mons 3 days 04:05:06.789', 'YYYY Y,YYY YYY YY Y MM DD DDD HH HH12 HH24 MI SS MS US AM SSSS CC Q W WW RM') AS i1;
SELECT to_char(interval '-1 year -2 mons -3 days -04:05:06.789', 'YYYY Y,YYY YYY YY Y MM DD DDD HH HH12 HH24 MI SS MS US AM SSSS CC W WW') AS i2;
SELECT to_char(interval '123 years 1 mons 400 days 25:00:00', 'YYYY Y,YYY YYY YY Y MM DD DDD HH HH12 HH24 MI SS MS US AM SSSS CC Q W WW') AS i3;
SELECT to_char(interval '40 hours', 'HH HH12 HH24 am FMHH24th') AS i4, to_char(interval '15 hours 2 minutes', 'HH24:MI') AS i5;
SELECT to_char(interval '1 day', 'Day');
SELECT to_char(interval '1 day', 'MON');
SELECT to_char(interval '1 day', 'TZ');
SELECT to_char(interval '1 day', 'BC');
-- to_char of numbers: digit positions, separators, signs, rounding, '#' on overflow
SELECT '[' || to_char(v, f) || ']' AS r, v, f FROM (VALUES
  (0.5, '9.99'), (0.5, '0.99'), (0, '999'), (0, '9.99'), (0, '99.9'), (5, '9999'), (5, '0999'), (5, '9909'), (-5, '0999'),
  (5, 'FM9.99'), (5, 'FM9.90'), (1234.5, '9,999.99'), (-1234.5, '9,999.99'), (12345, '9,999'), (0.05, 'FM0.99'), (0.05, 'FM9.99'),
  (-0.05, '9.9'), (-0.04, '9.9'), (123, 'S999'), (-123, 'S999'), (123, '999S'), (-123, '999S'), (-123, '999PR'), (123, '999PR'),
  (-12, '999PR'), (-12, 'FM999PR'), (-123, '999MI'), (123, '999MI'), (123, 'PL999'), (-123, 'PL999'), (-123, 'SG999'), (123, 'SG999'),
  (-12, 'MI9999'), (-12, '9999MI'), (12, '99V9'), (12.45, '99V9'), (-12.45, '99V999'), (1234.5, 'L9999.9'), (1234.5, '9G999D9'),
  (123, 'FM999th'), (1, 'FM999TH'), (12, '999th'), (11, 'FM99th'), (22, 'FM99TH'), (1234.5, '9.99EEEE'), (-0.00012345, '9.999EEEE'),
  (0, '9.99EEEE'), (9.999, '9.99EEEE'), (12, '"x"999" y"'), (-12, 'FM999'), (-12, 'FMS999'), (12, 'FMPL999'),
  (1234, 'RN'), (4, 'FMRN'), (1234, 'rn'), (3999, 'RN'), (4000, 'RN'), (0, 'RN'), (1, '9.9999'), (123.456, '999.9'), (99.99, '99.9'),
  (99.99, '9.9'), (-99.99, '99.9'), (1e20, '9999'), (123, '00S'), (0.5, 'FM9'), (0.5, '9'), (1.5, '9'), (2.5, '9'), (-0.5, '9'),
  (12, '0099'), (1, '9,999'), (1234, '9,999,999'), (-1234, 'S9,999,999'), (1234567.891, 'FM9,999,999.999'), (-1234567.891, 'FM9G999G999D00'),
  (0.001, 'FM990.000'), (123.4, '99999.99999'), (-0.1, 'FM0.0'), (1000, '9 9 9 9'), (42, '"Total: "999')
) v(v, f);
SELECT to_char(1234.5::float8, '9999.99') AS f1, to_char(0.1::float4, '9.9999999999') AS f2, to_char(123456789012345678::float8, '999999999999999999.99') AS f3,
       to_char(2.5::float8, '9') AS f4, to_char(3.5::float8, '9') AS f5, to_char(1.005::float8, '9.99') AS f6, to_char(-1.5::float8, 'S9.9') AS f7,
       to_char(1e300::float8, '9.9EEEE') AS f8, to_char(12.5::float8, '99V9') AS f9, to_char(0.1::float8, '0.99999999999999999999') AS f10,
       to_char(3.14159::float4, '9.999') AS f11;
SELECT to_char(12::int4, '9999.99') AS i1, to_char(-12::int8, 'S0000') AS i2, to_char(12::int2, '99V99') AS i3,
       to_char(9223372036854775807, '9,999,999,999,999,999,999') AS i4, to_char(-2147483648, '99999999999') AS i5, to_char(485, '999th') AS i6;
SELECT to_char(1234.5, '9,999.99') AS docs1, to_char(-485, '999PR') AS docs2, to_char(485, 'RN') AS docs3, to_char(12, '9990999.9') AS docs4,
       to_char(0.0004859, '9.99EEEE') AS docs5, to_char(-0.1, 'FM9.99') AS docs6, to_char(148.5, 'FM999.990') AS docs7;
SELECT to_char(NULL::numeric, '999') AS n1, to_char(12, NULL) AS n2;
SELECT to_char(1.5, '9.9.9');
SELECT to_char(15, '9V9.9');
SELECT to_char(1234.5, 'FM9.99EEEE');
SELECT to_char(1.5, '9.9.9');
SELECT to_char(1234.5, 'S9.99EEEE');
-- to_number: the digits the template has room for, its decimal point and sign
SELECT to_number(s, f) AS n, s, f FROM (values ('12,454.8-', '99G999D9S'), ('-34,338,492', '99G999G999'), ('-34,338,492.654,878', '99G999G999D999G999'), ('<564646.654564>', '999999.999999PR'), ('0.00001-', '9.999999S'), ('5.01-', 'FM9.999999S'), ('5.01-', 'FM9.999999MI'), ('5 4 4 4 4 8 . 7 8', '9 9 9 9 9 9 . 9 9'), ('.01', 'FM9.99'), ('.0', '99999999.99999999'), ('0', '99.99'), ('.-01', 'S99.99'), ('.01-', '99.99S'), (' . 0 1-', ' 9 9 . 9 9 S'), ('34,50','999,99'), ('123,000','999G'), ('123456','999G999'), ('$1234.56','L9,999.99'), ('$1234.56','L99,999.99'), ('$1,234.56','L99,999.99'), ('1234.56','L99,999.99'), ('1,234.56','L99,999.99'), ('42nd', '99th'), ('123456', '99'), ('1234.5678', '9999.99'), ('12', '9999'), ('  12', '9999'), ('-12', '9999'), ('+12', 'S99'), ('12', '99V9'), ('1 2', '999')) v(s, f);
SELECT to_number('abc', '999');
SELECT to_number('', '999');
SELECT to_number('12.3.4', '99.9.9');
SELECT to_number('1e3', '9EEEE');
-- to_date and to_timestamp(text, text)
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';
SELECT to_date('2024-01-02', 'YYYY-MM-DD'), to_date('20240102', 'YYYYMMDD'), to_date('02 Jan 2024', 'DD Mon YYYY'), to_date('January 5, 2024', 'Month DD, YYYY'), to_date('05/01/24', 'DD/MM/YY'), to_date('2024 032', 'YYYY DDD'), to_date('  2024-1-2', 'YYYY-MM-DD'), to_date('2024/01/02', 'YYYY-MM-DD'), to_date('2024 01 02', 'YYYY-MM-DD');
SELECT to_timestamp('2024-01-02 03:04:05', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp('2024-01-02 03:04:05.5', 'YYYY-MM-DD HH24:MI:SS.MS'), to_timestamp('05:30 PM 2024-01-02', 'HH12:MI AM YYYY-MM-DD'), to_timestamp('12:00 am', 'HH:MI am'), to_timestamp('2024-01-02 03:04:05.123456', 'YYYY-MM-DD HH24:MI:SS.US'), to_timestamp('2024-01-02 03:04 +05:30', 'YYYY-MM-DD HH24:MI TZH:TZM'), to_timestamp('2451545', 'J'), to_timestamp('1999 12', 'YYYY MM');
SET TimeZone = 'America/New_York';
SELECT to_timestamp('2024-07-01 12:00', 'YYYY-MM-DD HH24:MI'), to_timestamp('2024-03-10 02:30', 'YYYY-MM-DD HH24:MI');
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';
SELECT to_date('2024-13-01', 'YYYY-MM-DD');
SELECT to_date('2024-02-30', 'YYYY-MM-DD');
SELECT to_date('2024-xx-01', 'YYYY-MM-DD');
SELECT to_date('2024 Foo 01', 'YYYY Mon DD');
SELECT to_timestamp('13:00 PM', 'HH12:MI AM');
SELECT to_timestamp('25:00', 'HH24:MI');
SELECT to_timestamp('10:61', 'HH24:MI');
SELECT to_date('2024-01', 'YYYY-MM-DD');
SELECT to_date('', 'YYYY');
SELECT to_date('2024-01-02 junk', 'YYYY-MM-DD');
SELECT to_date('2024', 'YYYYMMDD');
SELECT to_timestamp('2024-01-02', 'YYYY-MM-DD') AS t, pg_typeof(to_timestamp('2024-01-02', 'YYYY-MM-DD')) AS ty, pg_typeof(to_date('2024-01-02', 'YYYY-MM-DD')) AS dy;
SELECT to_date('44 BC 03 15', 'YYYY BC MM DD') AS bc, to_date('XII 2023', 'RM YYYY') AS rm, to_timestamp('Tuesday 2024-01-02 3:04:05 p.m.', 'Day YYYY-MM-DD HH:MI:SS a.m.') AS day_name, to_timestamp('86399', 'SSSS') AS ssss;
-- common application patterns
SELECT to_timestamp('2024-01-02T03:04:05', 'YYYY-MM-DD"T"HH24:MI:SS'), to_date('02.01.2024', 'DD.MM.YYYY'), to_timestamp('Jan 02 2024 3:04PM', 'Mon DD YYYY HH12:MIAM'), to_date('2024-1-2', 'FMYYYY-FMMM-FMDD'), to_timestamp('2024-01-02 03:04:05.123', 'YYYY-MM-DD HH24:MI:SS.FF3');
SELECT to_char(timestamptz '2024-06-15 10:00+00', 'Dy, DD Mon YYYY HH24:MI:SS TZ'), to_char(now()::date - now()::date, '999'), to_char(1234567.8::float4, '9,999,999.99'), to_char(-0.0::float8, '9.9'), to_char(1e-10::float8, '9.999'), to_char(interval '0', 'HH24:MI:SS'), to_char(interval '-5 minutes', 'HH24:MI:SS');
SELECT to_char(12345.678, '99999D999'), to_char(-12345.678, 'FM99,999.9'), to_char(0.1, '0.9'), to_char(100, 'FM999.'), to_char(100, '999.'), to_char(7, 'FM00'), to_char(2, 'FM9th');
